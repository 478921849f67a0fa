import { EXTRACTOR_VERSION, extractDrafts } from '@claimflow/extract';
import type { ClaimDraft, ExtractJob, NormalizeJob } from '@claimflow/schemas';

/**
 * Evidence kept per claim. Each claim carries its sentence, so an abstract
 * with no full stop would repeat itself once per claim (a 20,000-character
 * wall of numbers: ~440 claims, 9 MB of output). Real sentences are far
 * shorter; a longer one is kept as this many characters of the abstract
 * around the number, still a substring of the abstract.
 */
export const MAX_EVIDENCE_CHARS = 1_000;

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

export function boundedEvidence(draft: ClaimDraft, abstract: string): ClaimDraft {
  if (!draft.sentence || draft.sentence.length <= MAX_EVIDENCE_CHARS) return draft;
  const [start, end] = draft.span;
  const margin = Math.max(0, Math.floor((MAX_EVIDENCE_CHARS - (end - start)) / 2));
  let from = Math.max(0, Math.min(start - margin, abstract.length - MAX_EVIDENCE_CHARS));
  let to = from + MAX_EVIDENCE_CHARS;
  // Never cut a surrogate pair in two: PostgreSQL cannot store half of one.
  if (isLowSurrogate(abstract.charCodeAt(from))) from++;
  if (isLowSurrogate(abstract.charCodeAt(to))) to--;
  return { ...draft, sentence: abstract.slice(from, to) };
}

/** One extract job's output: every paper's claim drafts. Pure; runs on the worker's thread or an extraction thread. */
export function extractChunk(job: ExtractJob): NormalizeJob {
  return {
    batch: job.batch,
    extractorVersion: EXTRACTOR_VERSION,
    papers: job.papers.map((paper) => ({ paper, drafts: extractDrafts(paper.abstract).map((d) => boundedEvidence(d, paper.abstract)) })),
    rejections: job.rejections,
    total: job.total,
  };
}
