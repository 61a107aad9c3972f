// How well an indicator is evidenced, for the digest's "what to watch next": an analyst trusts a development once
// someone has checked it and more than one outlet has reported it.
//   - corroborated: at least one of its events is confirmed by an analyst and its story was reported by at least
//     CORROBORATING_OUTLETS independent outlets (distinct feeds, in any language);
//   - weak: it has confirmed or flagged events, none of them corroborated (unreviewed, or one outlet only);
//   - unseen: no confirmed or flagged event at all (candidates below the flag threshold and dismissed events do not
//     count).
// Pure: the store counts the outlets (store/repositories/digest.ts).

export type EvidenceLevel = "unseen" | "weak" | "corroborated";

export const CORROBORATING_OUTLETS = 2;

export interface EvidenceItem {
  status: "confirmed" | "flagged";
  /** Independent outlets of the event's story. */
  outlets: number;
}

export const corroborates = (e: EvidenceItem): boolean => e.status === "confirmed" && e.outlets >= CORROBORATING_OUTLETS;

export function evidenceLevel(items: readonly EvidenceItem[]): EvidenceLevel {
  if (items.some(corroborates)) return "corroborated";
  return items.length > 0 ? "weak" : "unseen";
}
