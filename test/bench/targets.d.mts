export const TARGETS: { extractVsCompromise: number; e2eAbstractsPerSec: number; serviceMB: number; redisMB: number };
export const QUICK_THRESHOLDS: Record<string, { label: string; min: number }>;
export function ratiosOf(corpusResults: unknown, noop: unknown): Record<string, number>;
export function checkRatios(byCorpus: Record<string, Record<string, number>>): { corpus: string; key: string; label: string; value: number; min: number; ok: boolean }[];
