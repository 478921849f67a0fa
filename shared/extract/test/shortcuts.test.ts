// The rules' speed shortcuts change no answer: each is checked against what it
// stands for, on the sentences of the fixtures, of a generated corpus and of
// ../shared (where present), as written and lower-cased, and on odd text.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateAbstracts } from '@claimflow/corpus';
import { describe, expect, it } from 'vitest';
import '../src/rules/exclusions.js';
import '../src/rules/decide/index.js'; // with exclusions.js, loads every module whose patterns are endAnchored
import { DIGIT_LEAD, nearDigits, QUANTITY_RULES } from '../src/rules/quantities.js';
import { cleanText } from '../src/text/hygiene.js';
import { END_ANCHORED } from '../src/text/patterns.js';
import { splitSentences } from '../src/text/sentences.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SHARED = fileURLToPath(new URL('../../../../shared/', import.meta.url));
const FILES = [
  ...['seeds/demo-abstracts.jsonl', 'test/fixtures/holdout-abstracts.jsonl', 'test/fixtures/extraction/dev-abstracts.jsonl'].map((f) => ROOT + f),
  ...['seeds/seed-abstracts.jsonl', 'dev/dev-abstracts.jsonl'].map((f) => SHARED + f),
];

function abstractsOf(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { abstract: string }).abstract);
}

/** Odd text: figures at the edges, runs of spaces, the words the patterns look for next to each other. */
const ODD: string[] = [
  'between .5 and 2x', '+ .5% and $ .5', 'x2.5 faster, X3 (x4)', 'from 5 per cent to 10 per cent', '3.2 points or 2-4 pp or 5%p',
  '16.2/25 and 1/2', '10 thousand tokens', '2.5K tokens/s', '5- and 10-fold', '8x A100', '1.2dB and 0.28m', '3  x  4', '12\tpercent',
  'compared to  the  45.1%', 'than   the 4%', 'within   a 1%', 'by  a  wide margin  (3%', 'trained on  the  5x', 'at the  false positive rate of 2%',
  '9', '.5', 'x', '', ' ', '2x to 3x', '4 to 5 percent', 'twice', 'a 5', 'e.g. 3', 'vs. 4 and 5', 'Compared With 9 for A and', 'IF A 3', 'UP TO 3',
];

const sentences = (() => {
  const abstracts = [
    ...FILES.filter((f) => existsSync(f)).flatMap(abstractsOf),
    ...[...generateAbstracts({ seed: 20261207, count: 300 })].map((a) => a.abstract),
  ];
  const texts = abstracts.flatMap((a) => splitSentences(cleanText(a).text).map((s) => s.text));
  return [...ODD, ...texts, ...texts.map((t) => t.toLowerCase())];
})();

describe('endAnchored patterns test as the patterns they were made from', () => {
  /** Where a rule reads the text before: before each figure, and (in the odd text and the first sentences) before each word. */
  const places = (s: string, k: number) => [...s.matchAll(k < 400 ? /(?<=^|[\s(])|(?=[+\-~$.]?\d)/g : /(?=[+\-~$.]?\d)|$/g)].map((m) => m.index!);
  it('on the text before every figure of every sentence, and before every word of some', () => {
    expect(END_ANCHORED.length).toBeGreaterThan(20);
    const first: string[] = [];
    let differ = 0;
    sentences.forEach((s, k) => {
      for (const i of new Set(places(s, k))) {
        const before = s.slice(0, i);
        for (const { pattern, made } of END_ANCHORED) if (pattern.test(before) !== made.test(before) && differ++ < 3) first.push(`${pattern} on ${JSON.stringify(before)}`);
      }
    });
    expect(first).toEqual([]);
  });
});

describe('the quantity scanner', () => {
  const withDigit = sentences.filter((s) => /\d/.test(s));
  const allMatches = (pattern: RegExp, text: string, from: number) => {
    const out: string[] = [];
    pattern.lastIndex = from;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) out.push(`${m.index}:${m[0]}`);
    return out;
  };

  it('finds the matches of a holdsADigit rule from DIGIT_LEAD characters before the first digit', () => {
    const rules = QUANTITY_RULES.filter((r) => r.holdsADigit);
    expect(rules.length).toBeGreaterThan(15);
    for (const s of withDigit) {
      const from = Math.max(0, s.search(/\d/) - DIGIT_LEAD);
      for (const rule of rules) expect(allMatches(rule.pattern, s, from), `${rule.name} on ${s}`).toEqual(allMatches(rule.pattern, s, 0));
    }
    // a sentence without a digit has no match of such a rule
    for (const s of sentences.filter((t) => !/\d/.test(t))) for (const rule of rules) expect(allMatches(rule.pattern, s, 0)).toEqual([]);
  });

  it("finds a needsNearDigits rule's needs near the digits wherever its pattern matches", () => {
    const rules = QUANTITY_RULES.filter((r) => r.needsNearDigits);
    expect(rules.length).toBeGreaterThan(10);
    for (const rule of rules) expect(rule.holdsADigit, rule.name).toBe(true);
    for (const s of withDigit) {
      const zone = nearDigits(s, s.search(/\d/));
      for (const rule of rules) if (allMatches(rule.pattern, s, 0).length) expect(rule.needs!.test(zone), `${rule.name} on ${s}`).toBe(true);
    }
  });
});
