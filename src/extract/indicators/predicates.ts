// Named entity predicates the indicator rules combine with concepts ("a domestic chip in the sentence").
// Named, so that a rule's near miss can say which one was absent.
import type { Mention } from "../match.ts";

const CHIP_MAKER_ROLES = new Set(["chip_vendor", "foundry", "equipment_maker"]);

export const isCnChipMaker = (m: Mention): boolean => m.type === "org" && m.entity?.country === "CN" && m.entity.roles.some((r) => CHIP_MAKER_ROLES.has(r));
/** A named ministry, commission or regulator acts as the authority ("工信部要求..."). */
export const isGovernmentBody = (m: Mention): boolean => m.type === "org" && m.entity?.country === "CN" && m.entity.roles.includes("government");
export const isDomesticChip = (m: Mention): boolean => m.type === "chip" && (m.entity?.domestic ?? m.domestic ?? false);
export const isForeignChip = (m: Mention): boolean => m.type === "chip" && !(m.entity?.domestic ?? m.domestic ?? false);
/** A Chinese chip maker that is not also an AI lab or cloud (Cambricon, Moore Threads, SMIC; not Huawei): its
 * results and capital are about chips. */
export const isCnChipSpecialist = (m: Mention): boolean => isCnChipMaker(m) && !m.entity!.roles.some((r) => r === "ai_lab" || r === "cloud");
/** Chip kinds made for phones, PCs, cars and edge boxes (catalog `kind`): a model on one of them is an on-device model. */
const EDGE_KINDS = /^(edge|mobile|PC|automotive) (SoC|module|accelerator)/;
/** A domestic edge, mobile, PC or car SoC (Kirin, RK3588, Axera AX650N, Horizon Journey): the hardware says "on device". */
export const isDomesticEdgeChip = (m: Mention): boolean => isDomesticChip(m) && EDGE_KINDS.test(m.entity?.kind ?? "");
export const isChineseAiLab = (m: Mention): boolean => m.type === "org" && m.entity?.country === "CN" && m.entity.roles.includes("ai_lab");

export const PREDICATES = {
  domestic_chip: isDomesticChip,
  foreign_chip: isForeignChip,
  chip: (m: Mention) => m.type === "chip",
  org: (m: Mention) => m.type === "org",
  model: (m: Mention) => m.type === "model",
  cn_chip_maker: isCnChipMaker,
  cn_chip_specialist: isCnChipSpecialist,
  domestic_edge_chip: isDomesticEdgeChip,
  domestic_chip_or_maker: (m: Mention) => isDomesticChip(m) || isCnChipMaker(m),
  government_body: isGovernmentBody,
  cn_ai_lab: isChineseAiLab,
  big_fund: (m: Mention) => m.name === "Big Fund",
} satisfies Record<string, (m: Mention) => boolean>;

export type PredicateId = keyof typeof PREDICATES;

/** The predicates in a fixed order: bit k of a predicate mask stands for PREDICATE_IDS[k]. */
export const PREDICATE_IDS = Object.keys(PREDICATES) as PredicateId[];
const PREDICATE_FNS = PREDICATE_IDS.map((id) => PREDICATES[id]);
if (PREDICATE_FNS.length > 31) throw new Error("indicator predicates: more than 31 do not fit a bit mask");

export const predicateBit = (id: PredicateId): number => 1 << PREDICATE_IDS.indexOf(id);

/** Which predicates hold for a mention, as a bit mask. The rules ask the same dozen questions of every mention
 * of a sentence for each of their specs; asked once per mention, each question becomes one AND. */
export function predicateMask(m: Mention): number {
  let mask = 0;
  for (let k = 0; k < PREDICATE_FNS.length; k++) if (PREDICATE_FNS[k]!(m)) mask |= 1 << k;
  return mask;
}
