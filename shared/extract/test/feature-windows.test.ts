// The `words` and `near` families read the text around a figure from one
// lower-cased, split window per side (see model/features.ts): these check
// them against their definitions on the plain windows, in sentences built to
// cut words at the windows' edges, with characters that lower-case to more
// than one ("İ") or to ASCII (the Kelvin sign).
import { describe, expect, it } from 'vitest';
import { candidatesOf, featureNames } from '../src/index.js';

const WORDS = /[a-z][a-z0-9-]*|[<>~±()=:;,/]/g;
const wordsOf = (s: string) => s.toLowerCase().match(WORDS) ?? [];
const fold = (w: string) => w.replace(/\d+/g, '#');
const STOP = new Set(['the', 'and', 'for', 'with', 'that', 'this', 'our', 'from', 'than', 'over', 'while', 'which', 'are', 'was', 'were', 'its', 'their', 'has', 'have', 'also', 'can', 'into', 'such', 'more', 'less']);
const isContent = (w: string) => w.length > 2 && !STOP.has(w);

/** `words` and `near` as first written: each window lower-cased and matched on its own. */
function expected(before: string, after: string): string[] {
  const left = wordsOf(before.slice(-40));
  const right = wordsOf(after.slice(0, 40));
  const words = [`-1:${fold(left.at(-1) ?? '^')}`, `+1:${fold(right[0] ?? '$')}`];
  if (left.length > 1) words.push(`-2:${fold(left.at(-2)!)}`);
  if (right.length > 1) words.push(`+2:${fold(right[1])}`);
  const near = [
    ...wordsOf(before.slice(-60)).filter(isContent).slice(-5).map((w) => `l:${fold(w)}`),
    ...wordsOf(after.slice(0, 60)).filter(isContent).slice(0, 5).map((w) => `r:${fold(w)}`),
  ];
  return [...words.map((v) => `words:${v}`), ...[...new Set(near)].map((v) => `near:${v}`)];
}

/** A deterministic sequence of pseudo-random numbers in [0, 1). */
function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}

const PIECES = ['we', 'reduce', 'latency', 'substantially', 'x', 'a3-b', '4-bit', '-', 'state-of-the-art', 'İstanbul', 'Kelvin', '\u212Aelvin', 'ΣΑΣ', '(', ')', ':', ',', '±', 'GPU', 'over', 'than', 'ResNet', 'extraordinarilylongwordforcutting', '12-layer', 'x86', 'über', 'anotherquitelongwordtocutatforty', 'thirtyninecharacterslongwordforthecuts'];

describe('words and near, read from one window per side', () => {
  it('give the values of their definitions, whatever the windows cut', () => {
    const next = random(7);
    const pick = () => PIECES[Math.floor(next() * PIECES.length)];
    let checked = 0;
    for (let n = 0; n < 600; n++) {
      const left = Array.from({ length: 2 + Math.floor(next() * 14) }, pick).join(next() < 0.2 ? '  ' : ' ');
      const right = Array.from({ length: 1 + Math.floor(next() * 14) }, pick).join(' ');
      const text = `We propose Lynx, and ${left}${next() < 0.5 ? ' by' : ''} 3.5x ${right}`;
      const at = text.indexOf('3.5x');
      const c = candidatesOf(text).find((x) => x.span[0] === at);
      if (!c) continue;
      const names = featureNames(c.byFamily).filter((f) => f.startsWith('words:') || f.startsWith('near:'));
      expect(names, text).toEqual(expected(text.slice(0, at), text.slice(at + 4)));
      checked++;
    }
    expect(checked).toBeGreaterThan(450);
  });
});
