// The `words` and `near` families read the text around a figure from one
// lower-cased, split window per side, and `phrasing` replaces some of its
// patterns by looks at the window's end (see model/features.ts): these check
// them against their definitions on the plain windows, in sentences built to
// cut words at the windows' edges, with characters that lower-case to more
// than one ("İ") or to ASCII (the Kelvin sign), parentheses, commas and
// trailing spaces of several kinds.
import { describe, expect, it } from 'vitest';
import { candidatesOf, featureNames } from '../src/index.js';
import { cleanText } from '../src/text/hygiene.js';

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

/** `phrasing` as first written: every pattern on the whole window. */
function expectedPhrasing(before: string, after: string): string[] {
  const out: string[] = [];
  const b = before.slice(-80);
  const a = after.slice(0, 80);
  if (/\(\s*[^()]*$/.test(b) && /^[^()]*\)/.test(a)) out.push('in-parentheses');
  if (/\bby\s+(?:\S+\s+){0,2}$/i.test(b)) out.push('by-N');
  if (/^\s*of\b/i.test(a)) out.push('N-of');
  if (/\bto\s+$/i.test(b)) out.push('to-N');
  if (/\bfrom\s+\S+\s+to\s+$/i.test(b)) out.push('from-X-to-N');
  if (/^\s*(?:vs\.?|versus)\b/i.test(a)) out.push('N-vs');
  if (/\b(?:vs\.?|versus|compared (?:to|with)|than)\s+\S*$/i.test(b)) out.push('after-comparison');
  if (/^[^,;.]{0,40}\bthan\b/i.test(a)) out.push('than-after');
  if (/\b(?:over|compared (?:to|with)|relative to|against)\b/i.test(a.slice(0, 50))) out.push('baseline-after');
  if (/,\s*$/.test(b)) out.push('after-comma');
  if (/\b(?:at|with|under|for)\s+(?:a\s+|an\s+|the\s+)?$/i.test(b)) out.push('at-N');
  if (/\b(?:on|in|across)\s+(?:\w+\s+)?$/i.test(b)) out.push('on-N');
  if (/\b(?:of|is|was|=|:)\s+(?:an?\s+)?$/i.test(b)) out.push('is-N');
  if (/^\s*(?:respectively)\b/i.test(a) || /\brespectively\b/i.test(a.slice(0, 80))) out.push('respectively');
  return (out.length ? out : ['none']).map((v) => `phrasing:${v}`);
}

const PHRASES = ['by', 'to', 'from 3', 'From', 'of', 'is', 'was', '=', 'x=', ':', 'a', 'an', 'the', 'at', 'with', 'under', 'for', 'on', 'in', 'across', 'vs', 'versus', 'than', 'compared to', 'over', 'against', 'respectively', 'Respectively,', '(', ')', ',', 'goto', 'into', 'model', 'accuracy'];
const SPACES = [' ', ' ', ' ', '  ', '\u00a0', '\u2009', ', ', '('];

describe('phrasing, with looks at the window end in place of some patterns', () => {
  it('gives the values of its definition', () => {
    const next = random(11);
    const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
    let checked = 0;
    // parentheses closed before the figure, or opened and closed after it
    const fixed = ['We propose Lynx. It reaches (by 2) over (3.5x) here', 'We propose Lynx. It reaches (by 2) 3.5x) here', 'We propose Lynx. It reaches (3.5x (2) here', 'We propose Lynx. It reaches ( 3.5x ) here'];
    for (let n = 0; n < 600 + fixed.length; n++) {
      const words = (k: number) => Array.from({ length: k }, () => pick(PHRASES) + pick(SPACES)).join('');
      const text = fixed[n - 600] ?? `We propose Lynx. It reaches ${words(1 + Math.floor(next() * 8))}${next() < 0.7 ? '' : pick(['(', '$', ''])}3.5x ${words(Math.floor(next() * 8))}`;
      const at = text.indexOf('3.5x');
      const c = candidatesOf(text).find((x) => x.span[0] === at);
      if (!c) continue;
      const names = featureNames(c.byFamily).filter((f) => f.startsWith('phrasing:'));
      // the rules read the cleaned text (a space goes before a glued parenthesis); the figure's sentence is the second
      const clean = cleanText(text).text;
      const figure = clean.indexOf('3.5x');
      expect(names, text).toEqual(expectedPhrasing(clean.slice(clean.indexOf('. ') + 2, figure), clean.slice(figure + 4)));
      checked++;
    }
    expect(checked).toBeGreaterThan(450);
  });
});
