// A candidate is one figure of an abstract that may be a claim: every number
// expression the quantity scanner finds, less those whose digits are syntax
// (names, references, years, links, formulas). The rules describe it; the
// decision model (../model/) says whether it is a claim and of which kind.
import type { ClaimDraft, ClaimKind, Qualifier } from '@claimflow/schemas';
import type { FamilyValues } from '../model/features.js';
import type { Decision } from '../rules/decide/index.js';
import type { Quantity } from '../rules/quantities.js';

export interface Candidate {
  /** [start, end) of the figure in the abstract as given. */
  span: [number, number];
  q: Quantity;
  /** Extractor 1.3.0's first-match cascade: its decision, or null when it drops the figure. */
  cascade: Decision | null;
  /** Why the cascade dropped it: an exclusion's name, 'setup', 'unread' or 'undecided'. */
  dropped: string | null;
  /** What the cascade's decision rules say when no exclusion is applied (null: they find no claim). */
  proposal: Decision | null;
  /** The qualifier the figure would carry as a claim. */
  qualifier: Qualifier;
  /**
   * Evidence for the decision model, by family (see ../model/features.ts).
   * Its names ("family:value", what training reads) are featureNames(byFamily):
   * extraction looks the values up without them.
   */
  byFamily: FamilyValues;
  /** A decision of the given kind for this figure: the cascade's or proposal's when of that kind, else the plainest reading. */
  decisionFor(kind: ClaimKind): Decision | null;
  /** The draft for one decision, with its context fields. */
  draft(d: Decision): ClaimDraft;
}
