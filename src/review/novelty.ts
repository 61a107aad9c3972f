// Novelty: an article is novel when it makes an affirmed (subject, chip, stage) claim that no other article has
// made; within one batch, only the first article (lowest id) to make it.

export interface ClaimKey {
  subject: string;
  chip: string;
  stage: string;
}

const keyOf = (c: ClaimKey) => `${c.subject}\u0000${c.chip}\u0000${c.stage}`;

/**
 * The ids of the novel articles among `claims` (the batch's claims), given the affirmed claims other articles made
 * (`seenElsewhere`: the store looks them up for the batch's keys).
 */
export function novelArticleIds(claims: (ClaimKey & { articleId: number; negated: boolean })[], seenElsewhere: ClaimKey[]): Set<number> {
  const seen = new Set(seenElsewhere.map(keyOf));
  const novel = new Set<number>();
  for (const c of affirmedClaims(claims).sort((a, b) => a.articleId - b.articleId)) {
    const key = keyOf(c);
    if (seen.has(key)) continue;
    seen.add(key);
    novel.add(c.articleId);
  }
  return novel;
}

/** The claims that count for novelty (a negated claim says nothing happened). */
export function affirmedClaims<T extends { negated: boolean }>(claims: T[]): T[] {
  return claims.filter((c) => !c.negated);
}
