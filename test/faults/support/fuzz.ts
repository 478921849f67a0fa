import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { abstractAt, Rng } from '@claimflow/corpus';

/** Strings that must come back from the store exactly as they went in. */
export const HOSTILE = [
  "'); DROP TABLE claims; --",
  '1 OR 1=1; SELECT pg_sleep(10)',
  '<script>alert("x")</script><img src=x onerror=alert(1)>',
  '{{7*7}} ${process.exit()} %s%n',
  'right\u202eto-left \u200b zero-width 🚀 e\u0301 \u0007bell\ttab',
];

export interface FuzzFile {
  path: string;
  lines: number;
  /** Good lines whose text must come back verbatim: id → title. */
  hostileIds: Map<string, string>;
}

/**
 * A hostile batch, deterministic by seed: mostly valid abstracts, and among
 * them every kind of bad line a real feed produces.
 */
export async function writeFuzzBatch(path: string, lines: number, seed = 7): Promise<FuzzFile> {
  const out = createWriteStream(path);
  const rng = new Rng(seed, 1);
  const hostileIds = new Map<string, string>();
  const goodIds: string[] = [];
  for (let i = 0; i < lines; i++) {
    const a = abstractAt(seed, i, `fz-${seed}-`);
    const good = { id: a.id, title: a.title, abstract: a.abstract, source: 'fuzz' };
    let line: string;
    switch (i % 25) {
      case 1: line = JSON.stringify(good).slice(0, -9); break; // malformed JSON
      case 3: line = JSON.stringify({ id: a.id, abstract: a.abstract }); break; // missing title
      case 5: line = JSON.stringify({ ...good, abstract: 17 }); break; // wrong type
      case 7: line = JSON.stringify({ ...good, abstract: '' }); break; // empty abstract
      case 9: line = Buffer.from(Array.from({ length: 40 + rng.int(0, 80) }, () => { const b = rng.int(0, 255); return b === 10 || b === 13 ? 32 : b; })).toString('latin1'); break;
      case 11: line = JSON.stringify({ ...good, title: `${a.title} \u0001\u001f`, abstract: `${a.abstract} \u0007\u0008` }); break; // control characters: kept
      case 13: {
        const title = `${HOSTILE[(i / 25) % HOSTILE.length | 0]} ${a.title}`;
        hostileIds.set(a.id, title);
        line = JSON.stringify({ ...good, title });
        break;
      }
      case 15: line = JSON.stringify({ ...good, id: goodIds[rng.int(0, Math.max(0, goodIds.length - 1))] ?? a.id, abstract: `A different text under a repeated id. ${a.abstract}` }); break;
      case 17: line = JSON.stringify({ ...good, abstract: i % 1000 === 17 ? 'x'.repeat(1_048_576) : `${a.abstract} ${'padding '.repeat(2000)}` }); break; // 1 MB (too long) or 16 KB (fine)
      case 19: line = JSON.stringify({ ...good, abstract: `${a.abstract}\ud800` }); break; // lone surrogate
      case 21: line = JSON.stringify(null); break;
      default: line = JSON.stringify(good);
    }
    if ([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 23, 24].includes(i % 25)) goodIds.push(a.id);
    if (!out.write(line + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { path, lines, hostileIds };
}
