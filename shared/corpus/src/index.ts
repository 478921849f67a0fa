// @claimflow/corpus: deterministic synthetic abstracts for benchmarks and fault-injection tests.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { Rng } from './rng.js';
import {
  background, closing, CLAIM_TEMPLATES, compound, discuss, elaborate, method, setup,
  type Context, type Planted, type PlantedKind, type Sentence,
} from './templates.js';
import {
  ADJECTIVES, DOMAINS, GERUNDS, HARDWARE, NAME_HEADS, NAME_TAILS, NOUNS, THINGS, TITLE_PATTERNS,
} from './words.js';

export { Rng } from './rng.js';
export type { Planted, PlantedKind } from './templates.js';

export interface GeneratedAbstract {
  id: string;
  title: string;
  abstract: string;
}

export interface AnnotatedAbstract extends GeneratedAbstract {
  /** The claims the generator planted, in order: kind and number expression. */
  planted: Planted[];
}

export interface GenerateOptions {
  /** Same seed, same corpus. Any integer. */
  seed: number;
  /** How many abstracts. */
  count: number;
  /** Index of the first abstract (default 0): record i is the same in every stream that includes it. */
  startId?: number;
  /** Id prefix (default `syn-<seed>-`). */
  idPrefix?: string;
}

const KINDS: readonly PlantedKind[] = ['speedup', 'efficiency', 'quality_delta', 'quality_value', 'measurement'];
/** How often each kind is drawn: speed and size claims are the most common in systems abstracts. */
const KIND_WEIGHTS: readonly number[] = [0.3, 0.22, 0.18, 0.15, 0.15];

function drawKind(r: Rng): PlantedKind {
  let x = r.next();
  for (let i = 0; i < KINDS.length; i++) {
    x -= KIND_WEIGHTS[i];
    if (x < 0) return KINDS[i];
  }
  return KINDS[KINDS.length - 1];
}

function methodName(r: Rng): string {
  const base = `${r.pick(NAME_HEADS)}${r.pick(NAME_TAILS)}`;
  switch (r.int(0, 5)) {
    case 0:
      return `${base}-${r.int(2, 4)}`;
    case 1:
      return `${base}-v${r.int(2, 3)}`;
    case 2:
      return base.toUpperCase();
    default:
      return base;
  }
}

function title(r: Rng, c: Context): string {
  const pattern = r.pick(TITLE_PATTERNS);
  return pattern
    .replace('{Name}', c.name)
    .replace('{Gerund}', r.pick(GERUNDS))
    .replace('{Area}', c.d.area.replace(/\b\w/g, (ch) => ch.toUpperCase()))
    .replace('{Adj}', r.pick(ADJECTIVES))
    .replace('{Thing}', r.pick(THINGS))
    .replace('{Task}', c.task.replace(/\b\w/g, (ch) => ch.toUpperCase()))
    .replace('{Noun}', r.pick(NOUNS));
}

/** One abstract, from its own generator: depends only on (seed, index). */
export function abstractAt(seed: number, index: number, idPrefix = `syn-${seed}-`): AnnotatedAbstract {
  const r = new Rng(seed, index);
  const d = r.pick(DOMAINS);
  const c: Context = {
    r,
    d,
    name: methodName(r),
    model: r.pick(d.models),
    dataset: r.pick(d.datasets),
    hardware: r.pick(HARDWARE),
    baseline: r.pick(d.baselines),
    task: r.pick(d.tasks),
  };
  const parts: string[] = [];
  const planted: Planted[] = [];
  const add = (s: Sentence) => {
    parts.push(s.text);
    planted.push(...s.planted);
  };
  // Calibrated on the real seed and dev abstracts (see test/bench/corpus-calibration.test.ts):
  // about 1,400 characters in 9 sentences, with about two claims per abstract.
  parts.push(background(c));
  if (r.chance(0.4)) parts.push(background(c));
  parts.push(method(c));
  for (let i = r.int(1, 2); i > 0; i--) parts.push(elaborate(c));
  for (let i = r.int(2, 3); i > 0; i--) parts.push(discuss(c));
  parts.push(setup(c));
  if (r.chance(0.3)) parts.push(setup(c));
  // About one abstract in twelve reports no number that is a claim at all.
  const claims = r.chance(0.08) ? 0 : r.int(1, 4);
  const used = new Set<string>();
  for (let i = 0; i < claims; i++) {
    if (i === 0 && r.chance(0.15)) {
      add(compound(c));
      continue;
    }
    const kind = drawKind(r);
    const templates = CLAIM_TEMPLATES[kind];
    let t = r.int(0, templates.length - 1);
    // Avoid repeating the very same template inside one abstract.
    for (let tries = 0; used.has(`${kind}.${t}`) && tries < 4; tries++) t = r.int(0, templates.length - 1);
    used.add(`${kind}.${t}`);
    add(templates[t](c));
    if (r.chance(0.25)) parts.push(r.chance(0.5) ? setup(c) : elaborate(c));
  }
  if (r.chance(0.5)) parts.push(discuss(c));
  if (r.chance(0.7)) parts.push(closing(c));
  return { id: `${idPrefix}${index}`, title: title(r, c), abstract: parts.join(' '), planted };
}

/** `count` abstracts with the claims planted in each. */
export function* generateAnnotatedAbstracts(opts: GenerateOptions): Generator<AnnotatedAbstract> {
  const start = opts.startId ?? 0;
  for (let i = 0; i < opts.count; i++) yield abstractAt(opts.seed, start + i, opts.idPrefix);
}

/** `count` abstracts as the pipeline reads them: `{id, title, abstract}`. */
export function* generateAbstracts(opts: GenerateOptions): Generator<GeneratedAbstract> {
  for (const a of generateAnnotatedAbstracts(opts)) yield { id: a.id, title: a.title, abstract: a.abstract };
}

export interface FaultOptions {
  /** Share of lines (0..1) replaced by a bad record, deterministically by seed. Default 0. */
  rate: number;
  /** Which faults to draw from (default all). */
  kinds?: readonly FaultKind[];
}

export const FAULT_KINDS = ['invalid-json', 'missing-title', 'empty-abstract', 'blank-abstract', 'not-an-object', 'wrong-type'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** The JSONL line of a bad record of the given kind. */
export function faultLine(kind: FaultKind, a: GeneratedAbstract): string {
  switch (kind) {
    case 'invalid-json':
      return JSON.stringify(a).slice(0, -7);
    case 'missing-title':
      return JSON.stringify({ id: a.id, abstract: a.abstract });
    case 'empty-abstract':
      return JSON.stringify({ id: a.id, title: a.title, abstract: '' });
    case 'blank-abstract':
      return JSON.stringify({ id: a.id, title: a.title, abstract: '   \t ' });
    case 'not-an-object':
      return JSON.stringify([a.id, a.title]);
    case 'wrong-type':
      return JSON.stringify({ id: a.id, title: 42, abstract: a.abstract });
  }
}

export interface JsonlLinesOptions extends GenerateOptions {
  faults?: FaultOptions;
}

/** The lines of a JSONL corpus (no newline), optionally with bad records mixed in. */
export function* jsonlLines(opts: JsonlLinesOptions): Generator<string> {
  const rate = opts.faults?.rate ?? 0;
  const kinds = opts.faults?.kinds ?? FAULT_KINDS;
  const start = opts.startId ?? 0;
  let i = start;
  for (const a of generateAbstracts(opts)) {
    if (rate > 0) {
      const fr = new Rng(opts.seed ^ 0x5bd1e995, i);
      if (fr.next() < rate) {
        yield faultLine(fr.pick(kinds), a);
        i++;
        continue;
      }
    }
    i++;
    yield JSON.stringify(a);
  }
}

export interface WriteResult {
  lines: number;
  bytes: number;
}

/**
 * Writes a JSONL corpus of `count` lines, streaming: memory stays flat
 * whatever the count (a million lines is ~700 MB on disk, a few MB in memory).
 */
export async function writeAbstractsJsonl(
  path: string,
  opts: JsonlLinesOptions & { onProgress?: (lines: number) => void },
): Promise<WriteResult> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  let lines = 0;
  let bytes = 0;
  let buf = '';
  try {
    for (const line of jsonlLines(opts)) {
      buf += line + '\n';
      lines++;
      if (buf.length >= 1 << 16) {
        bytes += Buffer.byteLength(buf);
        if (!out.write(buf)) await once(out, 'drain');
        buf = '';
        opts.onProgress?.(lines);
      }
    }
    if (buf) {
      bytes += Buffer.byteLength(buf);
      out.write(buf);
    }
    out.end();
    await once(out, 'finish');
  } catch (err) {
    out.destroy();
    throw err;
  }
  opts.onProgress?.(lines);
  return { lines, bytes };
}
