// What a claim says, apart from where it was read: the fields that an extracted claim, its stored row and the
// claim shown on an event have in common. One list, so a new field is carried everywhere or nowhere.
const CLAIM_FACTS = ["subject", "subjectType", "chip", "chipDomestic", "stage", "modality", "negated"] as const;

type ClaimFact = (typeof CLAIM_FACTS)[number];

export function claimFacts<T extends Record<ClaimFact, unknown>>(claim: T): Pick<T, ClaimFact> {
  const facts: Partial<Pick<T, ClaimFact>> = {};
  for (const key of CLAIM_FACTS) facts[key] = claim[key];
  return facts as Pick<T, ClaimFact>;
}
