// @claimflow/extract: quantitative result claims from abstract text.
// Contract: ../../../shared/spec/claims.md (kept in ../shared/spec relative to the repo).
// Rules propose and describe every candidate figure (./candidates, ./rules);
// a linear model fit to the annotated abstracts decides (./model).
import type { ClaimDraft, ClaimRecord } from '@claimflow/schemas';
import { toClaimRecord } from '@claimflow/units';
import { candidatesOf, decideCandidates } from './extract.js';
import { defaultScorer } from './model/default-model.js';
import type { Scorer } from './model/linear.js';

/** Bump when the rules, the features or the weights change the output. */
export const EXTRACTOR_VERSION = '2.12.0';

export { allowedClasses, candidatesOf, decideCandidates, scoredDrafts, type ScoredDraft } from './extract.js';
export type { Candidate } from './candidates/candidate.js';
export { FEATURES, familyValuesOf, featureNames, type FamilyValues, type FeatureContext } from './model/features.js';
export { CLASSES, RELATION_CLASSES, Scorer, calibrated, confidenceInput, isotonic, noveltyOf, relationFeatures, relationsOf, softmax, valueFeatures, type ConfidenceScore, type LinearModel, type Provenance, type Verdict } from './model/linear.js';
export { TRAIN_SETTINGS, fitConfidenceScore, train, type Example, type Judged, type TrainSettings } from './model/train.js';
export { defaultScorer } from './model/default-model.js';

/** Drafts of one abstract: every candidate figure, decided by the model (default: the committed weights). */
export function extractDrafts(text: string, scorer: Scorer = defaultScorer()): ClaimDraft[] {
  return decideCandidates(candidatesOf(text), scorer);
}

/** Extraction and normalization together: the contract's records for one abstract. */
export function extractClaims(paperId: string, text: string, scorer?: Scorer): ClaimRecord[] {
  return extractDrafts(text, scorer).flatMap((d: ClaimDraft) => toClaimRecord(paperId, d) ?? []);
}
