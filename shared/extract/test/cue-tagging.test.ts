// tagCues (shared/extract/src/lexicon/nlp.ts) is tuned for speed (docs/cue-tagging.md):
// its output must stay byte for byte what the original implementation gave.
// The original is kept below, inside this file only, as the oracle, on its own
// compromise instance (the ES module build; tagCues has the CommonJS one).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateAbstracts } from '@claimflow/corpus';
import oracleNlp from 'compromise/one';
import { describe, expect, it } from 'vitest';
import { contractionTest, cueCandidateTest, type CueModel } from '../src/lexicon/cue-words.js';
import { CUES, type CueTag } from '../src/lexicon/cues.js';
import { buildPlugin, mergedHits, metricAtK, refinedCues, tagCues, tokenized, type CueHit, type TaggedTerm } from '../src/lexicon/nlp.js';
import { cleanText } from '../src/text/hygiene.js';
import { splitSentences } from '../src/text/sentences.js';

// ---------------------------------------------------------------- the oracle: tagCues as it was (commit 5a6975f)
const originalTagCues = (() => {
  // the same lexicon data as the extractor's; only how text is tokenized and tagged is the original's
  oracleNlp.plugin(buildPlugin());

  const CUE_TAGS = new Set(Object.keys(CUES));


  /**
   * Cue words of one sentence, in text order, each run of terms with the same
   * tag merged ("peak memory footprint" stays one hit per tag run).
   * Slashes become spaces first so "latency/energy" yields two cues.
   */
  function originalTagCues(sentence: string, offset: number): CueHit[] {
    const doc = oracleNlp.tokenize(sentence.replace(/\//g, ' '));
    doc.compute('lexicon');
    doc.compute('offset');
    const tagOf = (term: TaggedTerm) => ([...(term.tags ?? [])].find((t) => CUE_TAGS.has(t)) as CueTag | undefined) ?? metricAtK(term.normal);
    const hits = mergedHits(doc.docs as TaggedTerm[][], offset, tagOf);
    return refinedCues(hits, sentence, offset); // the rules after tokenizing are shared, not copied
  }
  return originalTagCues;
})();

// ---------------------------------------------------------------- corpora
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SHARED = fileURLToPath(new URL('../../../../shared/', import.meta.url));
const REAL = ['seeds/seed-abstracts.jsonl', 'dev/dev-abstracts.jsonl'].map((f) => SHARED + f);
const realPresent = REAL.every((f) => existsSync(f));
const FIXTURES = ['seeds/demo-abstracts.jsonl', 'test/fixtures/holdout-abstracts.jsonl', 'test/fixtures/extraction/dev-abstracts.jsonl', 'test/fixtures/malformed.jsonl'].map((f) => ROOT + f);

function abstractsOf(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .flatMap((l) => {
      try {
        const r = JSON.parse(l) as { abstract?: unknown };
        return typeof r.abstract === 'string' ? [r.abstract] : [];
      } catch {
        return []; // the malformed-lines fixture
      }
    });
}

/** What tagCues is given: each sentence of the cleaned abstract at its offset; also the whole cleaned text. */
function inputsOf(abstracts: string[]): [string, number][] {
  return abstracts.flatMap((a) => {
    const { text } = cleanText(a);
    return [...splitSentences(text).map((s): [string, number] => [s.text, s.start]), [text, 0] as [string, number]];
  });
}

function expectSame(inputs: [string, number][]) {
  let differ = 0;
  const first: string[] = [];
  for (const [text, offset] of inputs) {
    const want = JSON.stringify(originalTagCues(text, offset));
    const got = JSON.stringify(tagCues(text, offset));
    if (want !== got && differ++ < 3) first.push(`${JSON.stringify(text)}\n  original ${want}\n  now      ${got}`);
  }
  expect(first, `${differ} of ${inputs.length} inputs differ`).toEqual([]);
  expect(inputs.length).toBeGreaterThan(100);
}

describe('tagCues equals the original implementation', () => {
  it.skipIf(!realPresent)(
    `on every sentence of ../shared's seed and dev abstracts${realPresent ? '' : ` (skipped: ${REAL.join(', ')} absent; ../shared lives beside the repository)`}`,
    () => expectSame(inputsOf(REAL.flatMap(abstractsOf))),
  );

  it("on every sentence of the repository's fixtures (seeds/, test/fixtures/**/*.jsonl)", () => {
    expectSame(inputsOf(FIXTURES.filter((f) => existsSync(f)).flatMap(abstractsOf)));
  });

  it('on every sentence of a generated corpus (@claimflow/corpus, 400 abstracts)', () => {
    expectSame(inputsOf([...generateAbstracts({ seed: 20261201, count: 400 })].map((a) => a.abstract)));
  });
});

// ---------------------------------------------------------------- the tokenizer's shortcuts, term by term
/** Every field of every term (tags in order) but its id, which the contraction step draws at random. */
const termsJson = (document: TaggedTerm[][]) => JSON.stringify(document.map((terms) => terms.map((t) => ({ ...t, tags: [...(t.tags ?? [])], id: undefined }))));

describe("tokenized() gives compromise's own terms (its shortcuts for plain words and skipped steps change none)", () => {
  const odd = [
    'Hi  there -- a\u00a0b \ufeffc d\ufeff e- -f x-y-z 3-5 10-20x e.g. U.S.A. it\'s can\'t cannot #tag @user 50% 5km 2 - 5 a/b plz bein & <3 :^P',
    'ABC-DEF abc-def- --- - -- 3.5 1,000 (x) [y] "z" GPU-hours F1-score Top-1 re-ranking', 'Ｆａｓｔｅｒ naïve café', ' ', '\n\n', 'a\tb\rc',
  ];
  it('on every sentence (as written, lower-cased, upper-cased) of the fixtures and of a generated corpus, and on odd text', () => {
    const abstracts = [...FIXTURES.filter((f) => existsSync(f)).flatMap(abstractsOf), ...[...generateAbstracts({ seed: 20261201, count: 200 })].map((a) => a.abstract)];
    const inputs = [...odd, ...inputsOf(abstracts).flatMap(([t]) => [t, t.toLowerCase(), t.toUpperCase()])];
    let differ = 0;
    for (const text of inputs) {
      const doc = oracleNlp.tokenize(text);
      doc.compute(['lexicon', 'offset']);
      if (termsJson(doc.document as TaggedTerm[][]) !== termsJson(tokenized(text)) && differ++ < 3) expect(termsJson(tokenized(text)), text).toBe(termsJson(doc.document as TaggedTerm[][]));
    }
    expect(differ, `${differ} of ${inputs.length} inputs differ`).toBe(0);
  });
});

describe("tokenized() runs compromise's contraction step term by term, as the whole step would", () => {
  // terms the step splits ("3x", "2-5", "cannot", "4km"), near misses it leaves whole, several in one
  // sentence and in later sentences (the inserted terms' index), and apostrophes (the whole step runs)
  const cases = [
    'It is 3x faster.', 'We cannot see 2-5 of 4km runs, 3x.', 'A 2-5x cut. Then 4km and 10ms; it cannot fail. Also 3x and 1-2 and 30fps.',
    'x3 3 x 3X 3x. 2 - 5 2-5 2–5 2-a a-2 5-9pm 555-1234 3rd 1st 4km. 4 km, 4Km, +3x -2.5x 1,000ms 3.5x/s can not cannot. Cannot!',
    "It can't be 3x, it's 2-5 and 4km.", "we cannot, they can't: 2-5 runs", 'Dunno, gonna be 3x. Wanna see 2-5?', 'cannot', '3x', '2-5', '4km',
    'The first sentence is plain. The second has 3x. The third has 2-5 and 4km. The fourth: cannot.',
  ];
  it('on sentences holding terms it splits, near misses and apostrophes', () => {
    for (const text of cases) {
      const doc = oracleNlp.tokenize(text);
      doc.compute(['lexicon', 'offset']);
      expect(termsJson(tokenized(text)), text).toBe(termsJson(doc.document as TaggedTerm[][]));
      expect(termsJson(tokenized(text.toLowerCase())), text).toBe(termsJson((oracleNlp.tokenize(text.toLowerCase()).compute(['lexicon', 'offset']) as unknown as { document: TaggedTerm[][] }).document));
    }
  });
});

describe("tokenized() splits terms as compromise does, a piece of the sentence at a time, and plain words with trailing punctuation", () => {
  // cuts fall between two chunks with a letter or digit and no dash or slash; around them: lone punctuation,
  // hyphens and dashes (split or kept), number ranges written apart, slashes, leading and trailing whitespace
  const cases = [
    'We cut latency by 40 % on 8 GPUs .', '  leading and trailing  ', '( a b ) c . d ! e ? f ... g -- h - i',
    'from 2 - 5 to 10 -- 20 and 3 –5 or 7– 9 then 5 -9pm, 12:30 - 14:00 and a - b', 'Top-1 accuracy 45 % , F1-score 0.9 ; re-do x-ray l-theanine aug-20 20-aug',
    'state-of-the-art wall-clock 2-5x 10-20 e-mail -abc abc- a--b --- — –', '"quoted" (parens) [brackets] *star* « guillemets » • bullet',
    'One sentence ends here. Another starts!', 'Ends with a stop.', 'Stop.\u00a0Then e.g. this? Yes', 'line\nbreak', 'CJK。stop', 'x\u2028y', 'a ! b', '"Quoted." (Parens.) end',
    'he / she and a/b or 2 / 3', 'fast, faster. fastest; slow: slower,. 5, 5. 5) 5+ (5) x) e.g. U.S. u.s., a.b. 5: a:, b;- c - , d', 'one\ttwo\nthree\r\nfour   five', 'x', '.', '. a', 'a .', '- 5', '5 -', 'a 5 - 6 b', 'Ünïcode wörds and ＡＢＣ 2 - 3',
  ];
  it('on sentences with cuts next to punctuation, dashes, ranges and slashes, and on text with and without sentence ends', () => {
    for (const text of cases.flatMap((t) => [t, t.toUpperCase()])) {
      const doc = oracleNlp.tokenize(text);
      doc.compute(['lexicon', 'offset']);
      expect(termsJson(tokenized(text)), text).toBe(termsJson(doc.document as TaggedTerm[][]));
    }
  });
});

// ---------------------------------------------------------------- the pre-checks, on sentences of our own
const oracleModel = (oracleNlp.world() as { model: { one: CueModel } }).model.one;
const mayHoldCue = cueCandidateTest(oracleModel, (tag) => Object.hasOwn(CUES, tag));
const mayContract = contractionTest(oracleModel);

describe('the pre-check that skips compromise', () => {
  it('skips text with no word of the cue lexicon, which has no cue', () => {
    for (const s of ['Cats sleep on warm mats.', 'The river bends twice near the old mill.', 'Graphs of 12 nodes, 7 colours']) {
      expect(mayHoldCue(s), s).toBe(false);
      expect(originalTagCues(s, 0), s).toEqual([]);
      expect(tagCues(s, 0), s).toEqual([]);
    }
  });

  it('still sends text with a lexicon word to compromise, and tags it the same', () => {
    const cases = [
      'The cache uses 40% less memory.',
      'Our decoder is 3x faster.',
      'It renders at 30fps on a phone.', // "30fps": compromise splits the unit off
      'The f1-score rose by 2 points.', // a hyphenated cue kept whole
      'Wall-clock time fell to 2 h.',
      'We report recall@10 of 0.61.', // a metric at k
      'Throughput/latency trade-offs at 8 GPUs',
    ];
    for (const s of cases) {
      expect(mayHoldCue(s.replace(/\//g, ' ')), s).toBe(true);
      const want = originalTagCues(s, 5);
      expect(want.length, s).toBeGreaterThan(0);
      expect(tagCues(s, 5), s).toEqual(want);
    }
  });

  it('leaves unicode, apostrophes and contractions to compromise, tagged the same', () => {
    const cases = [
      'Latency drops 3× — it’s faster than the naïve baseline.',
      "It can't be slower: the model doesn't use more memory.",
      'The cannot-fail path is 2–3 ms faster.',
      'Accuracy of 91.2 % at 4km range, 10ms per frame.',
      'Energy use fell from 5-7 J to 2 - 3 J.',
      'Ｆａｓｔｅｒ decoding, lower latency, and R&D costs.',
    ];
    for (const s of cases) {
      expect(mayHoldCue(s), s).toBe(true);
      expect(tagCues(s, 0), s).toEqual(originalTagCues(s, 0));
    }
  });

  it("runs compromise's contraction step wherever it could change a term", () => {
    for (const s of ["it's", 'cannot', '4km', '10ms', '2-5', '2 - 5', 'naïve']) expect(mayContract(`We see ${s} here`), s).toBe(true);
    expect(mayContract('We see 4 km and 10 ms here.')).toBe(false);
  });
});

// Last: it loads full compromise into this process, which changes the oracle's (shared) world.
describe("tagCues' compromise instance is its own", () => {
  it('another import of compromise (the full build) in the process changes no cue', async () => {
    const inputs = inputsOf(FIXTURES.filter((f) => existsSync(f)).flatMap(abstractsOf)).slice(0, 300);
    const before = inputs.map(([t, o]) => JSON.stringify(tagCues(t, o)));
    const { default: full } = await import('compromise');
    expect(full('We trained 3 models.').numbers().length).toBe(1);
    expect(inputs.map(([t, o]) => JSON.stringify(tagCues(t, o)))).toEqual(before);
  }, 60_000);
});
