import { createHash } from 'node:crypto';

/** Unicode-, case- and whitespace-insensitive form of a text, for identity only. */
export function canonicalText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

const digest = (s: string, chars: number) => createHash('sha256').update(s).digest('hex').slice(0, chars);

/** A paper's id: the one it was given, else a stable hash of its title and abstract. */
export function paperIdFor(given: string | undefined, title: string, abstract: string): string {
  return given ?? `h-${digest(`${canonicalText(title)}\n${canonicalText(abstract)}`, 20)}`;
}

/** A claim's id: stable for the same paper, span and kind, so re-runs upsert in place. */
export function claimIdFor(paperId: string, span: readonly [number, number], kind: string): string {
  return digest(`${paperId}\u0000${span[0]}:${span[1]}\u0000${kind}`, 24);
}
