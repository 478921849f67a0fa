export interface Abstract {
  id: string;
  title: string;
  abstract: string;
}
export const SHARED_DIR: string;
export const REAL_SOURCES: string[];
export function realCorpusMissing(): string | null;
export function realAbstracts(): Abstract[];
export function replicateReal(count: number, startId?: number): Generator<Abstract>;
export function writeRealJsonl(path: string, opts: { count: number; startId?: number }): Promise<{ lines: number }>;
export function corpusShape(
  abstracts: Abstract[],
  extract?: (id: string, text: string) => unknown[],
): { abstracts: number; meanChars: number; claimsPerAbstract: number | null; claimsPer1kChars: number | null };
