// compromise, configured once at module load with the cue lexicon as a plugin.
// Only candidate sentences (those holding a quantity) are tokenized, and only
// the lexicon step runs: no full part-of-speech tagging, which would cost ~10x.
// compromise's `one` build is enough for that (tokenizer and lexicon); `three`
// adds the tagger's lexicon, about 30 MB per process that nothing here reads.
//
// The instance is the extractor's own: the `one` build loaded as its CommonJS
// bundle, whose world (lexicon, tagset, compute steps) no other `import
// 'compromise'` in the process shares. With the ES module build every entry
// point shares one world, so a process that also imports full compromise (the
// benchmark does) had our cue words overwritten by its lexicon, and its parse
// saw our cue tags: each changed the other's output.
//
// Speed (docs/cue-tagging.md): tagCues runs compromise's own tokenizer and
// compute steps, minus work that cannot change what we read. No result is
// memoized by sentence text: the benchmarks replicate the corpus, so a cache
// would fake their figures, and real abstracts do not repeat sentences.
import { createRequire } from 'node:module';
import type OneNlp from 'compromise/one';
import { metricsIn } from '@claimflow/units';
import { charClass, chunkEnd, chunkStart, isDigitCode, isWordCode } from '../text/chars.js';
import { contractionTest, cueCandidateTest, type CueModel } from './cue-words.js';
import { CUES, type CueTag } from './cues.js';

/**
 * compromise splits most hyphenated words into terms ("wall-clock" → "wall clock")
 * but keeps those with digits whole ("f1-score"), and a word after a single
 * letter whole too, which its lexicon then looks up without the hyphen
 * ("c-index" as "cindex", "f-score" as "fscore"): the lexicon holds all three spellings.
 */
const lexiconKeys = (phrase: string) => {
  const lower = phrase.toLowerCase().trim();
  return [...new Set([lower, lower.replace(/-/g, ' '), ...(/^[a-z]-[a-z]+$/.test(lower) ? [lower.replace('-', '')] : [])])];
};

/**
 * Cue tags hang under the part of speech their words have (the instance is
 * private now, but nouns stay nouns). Lists that mix parts of speech hang
 * under a neutral tag.
 */
const PART_OF_SPEECH: Partial<Record<CueTag, string>> = {
  SpeedTime: 'Noun', Overhead: 'Noun', QualityMetric: 'Noun', QualityVague: 'Noun', QualityLoss: 'Noun', Gain: 'Noun', ScopeNoun: 'Noun',
  Shorter: 'Comparative', Accurate: 'Adjective', Better: 'Adjective',
};

/** The cue lexicon as a compromise plugin (exported for the cue-tagging test's oracle instance). */
export function buildPlugin() {
  const words: Record<string, string> = {};
  // Later lists win on a shared word, so list order in CUES is priority order reversed;
  // keep specific meanings (metrics, comparatives) after generic ones.
  const order: CueTag[] = [
    'ScopeNoun', 'SetupNoun', 'UseVerb', 'RetainVerb', 'Modifier', 'Up', 'Down', 'Improve', 'Gain', 'QualityVague', 'EffRate',
    'EffResource', 'Overhead', 'SpeedTime', 'SpeedRate', 'QualityMetric', 'Better', 'Worse', 'Accurate', 'QualityLoss', 'Smaller', 'Shorter',
    'Slower', 'Faster',
  ];
  for (const tag of order) for (const w of CUES[tag]) for (const key of lexiconKeys(w)) words[key] = tag;
  const tags = Object.fromEntries(Object.keys(CUES).map((t) => [t, { isA: PART_OF_SPEECH[t as CueTag] ?? 'ClaimCue' }]));
  return { words, tags: { ClaimCue: {}, ...tags } };
}

const nlp = createRequire(import.meta.url)('compromise/one') as typeof OneNlp;
nlp.plugin(buildPlugin());

export interface CueHit {
  tag: CueTag;
  /** Absolute offsets in the abstract. */
  start: number;
  end: number;
  /** Lower-cased words of the hit. */
  normal: string;
  /** For an abbreviation the abstract defines, its long form as written ("Attack Success Rate"). */
  longForm?: string;
}

const CUE_TAGS = new Set(Object.keys(CUES));

const METRIC_WORDS = new Set(CUES.QualityMetric.map((m) => m.toLowerCase()));

/** The first cue tag of a term, in the order compromise set its tags. */
function cueTag(tags: Set<string> | undefined): CueTag | undefined {
  if (tags) for (const t of tags) if (CUE_TAGS.has(t)) return t as CueTag;
  return undefined;
}

/** "recall@10", "mAP@0.5", "hits@3": a metric cut at k is still the metric. */
export function metricAtK(normal: string): CueTag | undefined {
  if (!normal.includes('@')) return undefined; // the pattern's own "@": most terms have none, and skip the pattern
  const base = /^([a-z0-9-]+)@[\w.:]+$/.exec(normal)?.[1];
  return base && METRIC_WORDS.has(base) ? 'QualityMetric' : undefined;
}

/** The fields of a compromise term we read, once `compute('offset')` has run. */
export interface TaggedTerm {
  normal: string;
  tags?: Set<string>;
  offset?: { start: number; length: number };
}

/** The parts of compromise's world (`nlp.world()`) this module reaches into. */
interface World {
  methods: {
    one: {
      killUnicode: (str: string, world: World) => string;
      tokenize: { fromString: (text: string, world: World) => TaggedTerm[][] };
    };
  };
  model: { one: CueModel & { unicode: Record<string, string>; emoticons: Record<string, boolean> } };
  /** compromise's compute steps by name (`doc.compute([...])` runs them). */
  compute: Record<string, (doc: { document: (TaggedTerm & { text: string })[][] }) => void>;
}
/** A compromise document: sentences of terms, and its compute steps. */
interface Doc {
  document: TaggedTerm[][];
  compute: (steps: string[]) => Doc;
}

const world = nlp.world() as World;

/**
 * compromise's unicode step maps letters to ASCII ("bjŏrk" → "bjork") one
 * character at a time, for every term. Its table maps no ASCII character to
 * another (checked here, on the table this build ships), so on an ASCII term
 * it returns the term unchanged: the step is skipped there. This instance is
 * private, so no other user of compromise sees the change.
 */
const NON_ASCII = /[^\x00-\x7f]/;
const killUnicode = world.methods.one.killUnicode;
const ASCII_UNCHANGED = Object.entries(world.model.one.unicode).every(([from, to]) => from.charCodeAt(0) >= 0x80 || from === to);
if (ASCII_UNCHANGED) {
  world.methods.one.killUnicode = (str, w) => (typeof str === 'string' && !NON_ASCII.test(str) ? str : killUnicode(str, w));
}

/** compromise's document class, to wrap what its tokenizer returns (as `nlp.tokenize` does). */
const View = (nlp.tokenize('') as unknown as { constructor: new (document: TaggedTerm[][]) => Doc }).constructor;

/**
 * compromise's contraction step looks at every term, and for each walks its
 * whole list of known contractions. It changes a term only where the term's
 * normal form holds an apostrophe or is a known contraction word ("cannot"),
 * where its normal form is a number range ("2-5": the step's own `numDash`
 * test), or where its text is a number glued to a unit ("3x", "4km": the
 * step's own `numUnit` test); elsewhere it is a loop with no effect. The two
 * patterns are the step's own (compromise 14.17, contractions/index.js and
 * number-unit.js). So the step runs only on a document with such a term: the
 * text-level test below (mayContract) cannot see the terms, and lets through
 * most sentences with a figure ("3x" aside, "2-5" aside, any digit and hyphen).
 *
 * Where no term of the document has an apostrophe in its normal form, the step
 * runs on each term it could change alone, as a one-term document, and what it
 * leaves there is spliced in place of the term. That is what the step does in
 * the whole document (compromise 14.17, contractions/index.js): without an
 * apostrophe, a term's replacement is read from that term only (`knownOnes`
 * matches its normal form against a contraction's `word`; `numberRange` and
 * `numberUnit` read `terms[i]`; the readers of neighbours, `apostropheT`,
 * `apostropheD`, the French ones and `thereHas`, need an apostrophe), and the
 * step walks terms backwards, so terms after it are already done and those
 * before it not yet. `reTag` only builds a view it throws away. The one thing
 * the document's position changes is `index` on the inserted terms
 * (contractions/_splice.js: `[n, w + i]`), set here as the step sets it.
 */
const CONTRACTION_WORDS = new Set(world.model.one.contractions.flatMap((c) => (c.word ? [c.word] : [])));
const NUM_DASH = /^[0-9][^-–—]*[-–—].*?[0-9]/;
const NUM_UNIT = /^([+-]?[0-9][.,0-9]*)([a-z°²³µ/]+)$/;
/**
 * Both patterns are anchored at a term's first character, which NUM_DASH needs to be a digit and NUM_UNIT a
 * digit or a sign: most terms start with a letter, and are told apart by that character alone, without the
 * two pattern calls (one each per term of every tagged sentence).
 */
const mayChange = (t: TaggedTerm & { text: string }) =>
  CONTRACTION_WORDS.has(t.normal) || (isDigitCode(t.normal.charCodeAt(0)) && NUM_DASH.test(t.normal)) || (startsNumber(t.text) && NUM_UNIT.test(t.text));
const hasApostrophe = (t: TaggedTerm) => t.normal.includes("'"); // the step's `byApostrophe`
const contractionStep = world.compute.contractions;
world.compute.contractions = (doc) => {
  const document = doc.document;
  if (document.some((terms) => terms.some(hasApostrophe))) return contractionStep(doc);
  for (let n = 0; n < document.length; n++) {
    const terms = document[n];
    for (let i = terms.length - 1; i >= 0; i--) {
      const term = terms[i];
      if (!mayChange(term)) continue;
      const one = new View([[term]]);
      contractionStep(one as never);
      const words = one.document[0];
      if (words.length === 1 && words[0] === term) continue;
      for (let k = 0; k < words.length; k++) (words[k] as { index?: number[] }).index = [n, i + k];
      terms.splice(i, 1, ...(words as (TaggedTerm & { text: string })[]));
    }
  }
};

/**
 * compromise's `alias` step adds an alias to a term whose normal form (or, if
 * empty, its text) is a key of its alias table ("&" → "and") or holds a slash
 * (the step's own `/\//` test, before two more that can only say no); the
 * `machine` step sets a term's machine form where its implicit, normal or
 * text form changes when a possessive or "-in'" ending, a hyphen between
 * letters or a leading "#"/"@" is dropped, or where that form differs from the
 * normal form, which needs an implicit form or an empty normal form (compromise
 * 14.17, compute/alias.js and compute/machine.js). A sentence with no term
 * they could change skips them, as it skips the contraction step: the alias
 * step runs in a few sentences out of a thousand, the machine step in a
 * quarter of them.
 */
/**
 * The alias table's keys (five in compromise 14.17), as a set read once at load: nothing changes this private
 * world's table after its plugin. `Object.hasOwn` on the table looked each term's form up in V8's string
 * table first, which cost more than the test; the set answers the same for every string.
 */
const ALIAS_KEYS = new Set(Object.keys(world.model.one.aliases));
const mayAlias = (t: TaggedTerm & { text: string; machine?: string }) => {
  const form = t.normal || t.text || t.machine || '';
  return ALIAS_KEYS.has(form) || form.includes('/');
};
/** `/['’\-#@]/.test(normal)`: the characters whose dropping changes a machine form, looked for without a pattern call per term. */
const isMachineChange = charClass("'’-#@");
const mayMachine = (t: TaggedTerm & { text: string; implicit?: string }) => !!t.implicit || !t.normal || holdsAnyOf(t.normal, isMachineChange);
for (const [step, mayChangeTerm] of [['alias', mayAlias], ['machine', mayMachine]] as const) {
  const original = world.compute[step];
  world.compute[step] = (doc) => {
    if (doc.document.some((terms) => terms.some(mayChangeTerm))) original(doc);
  };
}

/**
 * compromise's lexicon step (compromise 14.17, lexicon/compute/index.js) visits every untagged term of a
 * sentence, and changes only three kinds (lexicon/compute/multi-word.js and single-word.js):
 * - a term whose word (machine form, else normal form) is a key of `_multiCache`, the first word of a
 *   multi-word key with that key's length in words: it may tag the term and those after it, up to that
 *   length, reading only them (a word that is no own key, like "constructor", reads a NaN length there
 *   and tags nothing);
 * - a term whose word is a key of the lexicon, or one of whose aliases is;
 * - a term whose word, less a prefix ("re", "un", ...), is a key tagged as a verb or adjective: no key of
 *   this lexicon is (checked here), so that never tags.
 * What the step does at a term reads that term, the terms after it within its key's length, and their
 * tags, which only the step's own tagging of earlier terms has set. So it is given, of each sentence,
 * only the terms of those kinds with the terms after them within their key's length (overlapping runs
 * joined, in text order); it leaves the others as it would have left them. 77% of the terms of an
 * abstract are of none of the kinds, and no longer go through the step's two look-ups and a prefix pattern.
 */
const LEXICON = (world.model.one as unknown as { lexicon: Record<string, unknown>; _multiCache: Record<string, number> });
const PREFIX_TAGS = new Set(['Verb', 'Infinitive', 'PastTense', 'Gerund', 'PresentTense', 'Adjective', 'Participle']); // single-word.js's `allowPrefix`
const MULTI_WORD_LENGTH = new Map(Object.entries(LEXICON._multiCache));
const LEXICON_WORDS = new Set(Object.getOwnPropertyNames(LEXICON.lexicon));
const lexiconStep = world.compute.lexicon;
if (!Object.values(LEXICON.lexicon).some((tag) => typeof tag === 'string' && PREFIX_TAGS.has(tag))) {
  world.compute.lexicon = (doc) => {
    const runs: TaggedTerm[][] = [];
    for (const terms of doc.document) lexiconRuns(terms, runs);
    if (runs.length) lexiconStep({ docs: runs, world } as never); // the step reads a document's `docs` and `world`
  };
}
/** The runs of a sentence's terms that the lexicon step could change, added to `runs`. */
function lexiconRuns(terms: (TaggedTerm & { machine?: string; alias?: string[] })[], runs: TaggedTerm[][]): void {
  let run: TaggedTerm[] | null = null;
  let runEnd = 0;
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i];
    const word = term.machine || term.normal;
    const length = MULTI_WORD_LENGTH.get(word);
    if (length === undefined && !LEXICON_WORDS.has(word) && !term.alias) continue;
    const end = Math.min(terms.length, i + Math.max(1, length ?? 1));
    if (run && i <= runEnd) {
      for (let k = runEnd; k < end; k++) run.push(terms[k]);
    } else {
      run = terms.slice(i, end);
      runs.push(run);
    }
    runEnd = Math.max(runEnd, end);
  }
}

/** A term as the whitespace split returns it, before its normal form is set. */
interface RawTerm {
  text: string;
  pre: string;
  post: string;
  tags: Set<string>;
  normal?: string;
}
interface Tokenizer {
  splitSentences: (text: string, world: World) => string[];
  splitTerms: (sentence: string, model: World['model']) => string[];
  splitWhitespace: (chunk: string, model: World['model']) => RawTerm;
}
/**
 * compromise's tokenizer (`methods.one.tokenize.fromString`: sentences, their
 * terms, each term's text apart from its punctuation and whitespace, then each
 * term's normal form), with two shortcuts for a plain word, which is what 94%
 * of the terms of an abstract are. What each shortcut returns is what the
 * step it replaces returns there (compromise 14.17, tokenize/whitespace.js
 * and tokenize/normal.js); other terms go through the steps themselves:
 * - a chunk of letters and digits, then spaces, hyphens, commas, periods,
 *   colons or semicolons ("faster, "), is its own text, with no punctuation
 *   before it and the rest after it: the whitespace split stops at the first
 *   letter or digit from either end, and drops everything else from the end,
 *   unless the chunk is an emoticon (none of compromise's is such a chunk,
 *   checked here) or the end holds a character it keeps: its list of
 *   post-punctuation (none of those, checked here), an apostrophe, a ")" or "+"
 *   after a number, a period of an acronym ("u.s.": a letter after a period,
 *   which such a chunk has none of);
 * - the normal form of a term of ASCII letters, digits and hyphens is its text
 *   in lower case: the normal step trims punctuation, ellipses, zero-width
 *   characters and digit commas, which such a term has none of; its unicode
 *   step leaves ASCII unchanged (ASCII_UNCHANGED); its acronym step needs a
 *   period or a capital, which lower case has none of.
 */
const PLAIN_CHUNK = /^([A-Za-z0-9]+)([,.;: \t\n\r-]*)$/;
const PLAIN_CHUNK_ENDS = [...',.;: \t\n\r-'];
const isPlainChunkEnd = charClass(PLAIN_CHUNK_ENDS.join(''));
const EMOTICONS = world.model.one.emoticons;
const normalStep = world.compute.normal;
const POST_PUNCTUATION = (world.model.one as unknown as { postPunctuation: Record<string, boolean> }).postPunctuation;
if (ASCII_UNCHANGED && !Object.keys(EMOTICONS).some((e) => PLAIN_CHUNK.test(e)) && !PLAIN_CHUNK_ENDS.some((c) => POST_PUNCTUATION[c])) {
  world.methods.one.tokenize.fromString = (text, w) => {
    const { splitSentences, splitTerms, splitWhitespace } = w.methods.one.tokenize as unknown as Tokenizer;
    return (oneSentence(text) ? [text] : splitSentences(text || '', w)).map((sentence) => {
      const terms = termChunks(sentence, (segment) => splitTerms(segment, w.model)).map((chunk) => plainWord(chunk) ?? splitWhitespace(chunk, w.model));
      const others: RawTerm[] = [];
      for (const t of terms) if (isPlainTerm(t.text)) t.normal = t.text.toLowerCase(); else others.push(t);
      if (others.length) normalStep({ docs: [others], world: w } as never); // the step reads a document's `docs` and `world`
      return terms as TaggedTerm[];
    });
  };
}

/**
 * compromise's sentence split (compromise 14.17, tokenize/methods/01-sentences)
 * first cuts text at line breaks and after a run of sentence-ending marks
 * followed by whitespace (CJK full stops: without whitespace); its later steps
 * only merge those pieces back. Text with something but whitespace and none
 * of those cuts is one piece, which it returns as it is: so is it returned here.
 * tagCues is given one sentence, mostly without a mark before whitespace
 * inside it ("e.g. ", "vs. " go to the split).
 */
const MAY_SPLIT = /[\r\n\u3002\uFF01\uFF1F\uFF61]|[.!?\u203D\u2E18\u203C\u2047-\u2049\u0964\u0965\u061F\u06D4\u0589\u1362\u1367\u104B\u17D4]\s/;
const SOMETHING = /\S/;
const oneSentence = (text: string) => typeof text === 'string' && SOMETHING.test(text) && !MAY_SPLIT.test(text);

/**
 * compromise's term split (`splitTerms`, compromise 14.17 tokenize/methods/02-terms),
 * cut into pieces of the sentence that it splits one by one. It splits text at
 * whitespace into chunks, splits some chunks at hyphens, and makes a term of
 * each piece with letters that is not punctuation, adding what follows it up to
 * the next such piece (whitespace, lone punctuation); then it joins "a / b"
 * (a slash) and "2 - 5" (a term that ends in a dash, then a number).
 * Between two chunks each with a letter or digit and no dash or slash
 * ("simple"), the first ends its term, with the whitespace after it (the
 * second starts one: it is not one of the punctuation marks, nor split at a
 * hyphen), and no join crosses (neither holds a slash, and the first term
 * does not end in a dash): the split of the sentence is the split of the text
 * before the second chunk, then that of the text from it. So the sentence is
 * cut there; a piece that is one simple chunk (and whitespace) is one term
 * as it stands, and other pieces go to compromise's split. Text with a slash
 * goes to it whole (tagCues' text has none).
 */
/** `/[-–—/]/`'s characters. */
const isDashOrSlash = charClass('-–—/');
/** `/[A-Za-z0-9]/.test(chunk) && !/[-–—/]/.test(chunk)` for the chunk text[start, end), read in place. */
function isSimpleChunk(text: string, start: number, end: number): boolean {
  let word = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isDashOrSlash(c)) return false;
    word ||= isWordCode(c);
  }
  return word;
}
function termChunks(sentence: string, splitTerms: (text: string) => string[]): string[] {
  if (sentence.includes('/')) return splitTerms(sentence);
  const out: string[] = [];
  const piece = (from: number, to: number, oneSimpleChunk: boolean) => {
    if (oneSimpleChunk) out.push(sentence.slice(from, to));
    else for (const chunk of splitTerms(sentence.slice(from, to))) out.push(chunk);
  };
  let from = 0;
  let chunks = 0;
  let simple = false;
  for (let start = chunkStart(sentence, 0); start < sentence.length; ) {
    const end = chunkEnd(sentence, start);
    const isSimple = isSimpleChunk(sentence, start, end);
    if (isSimple && simple) {
      piece(from, start, chunks === 1);
      from = start;
      chunks = 0;
    }
    chunks++;
    simple = isSimple;
    start = chunkStart(sentence, end);
  }
  piece(from, sentence.length, chunks === 1 && simple);
  return out;
}

/**
 * A chunk PLAIN_CHUNK matches, as its groups: the leading run of letters and digits (the group is greedy, and
 * no character of the end is a letter or digit, so the run is all of it), and the rest, each character one
 * PLAIN_CHUNK_ENDS allows. Read a character at a time: a pattern call per chunk cost more than the chunk.
 */
function plainWord(chunk: string): RawTerm | null {
  let i = 0;
  while (i < chunk.length && isWordCode(chunk.charCodeAt(i))) i++;
  if (i === 0) return null;
  for (let j = i; j < chunk.length; j++) if (!isPlainChunkEnd(chunk.charCodeAt(j))) return null;
  return { text: chunk.slice(0, i), pre: '', post: chunk.slice(i), tags: new Set() };
}

/**
 * Character tests on terms, a few characters long, that every tagged sentence runs on each of its terms:
 * as loops they cost less than a pattern call each. Each says which pattern it stands for.
 */
/** Whether `s` holds a character of the class `is`. */
function holdsAnyOf(s: string, is: (c: number) => boolean): boolean {
  for (let i = 0; i < s.length; i++) if (is(s.charCodeAt(i))) return true;
  return false;
}
/** `/^[A-Za-z0-9-]+$/.test(s)`. */
function isPlainTerm(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isWordCode(c) && c !== 45) return false;
  }
  return s.length > 0;
}
/** `/^[+-]?[0-9]/.test(s)`: how NUM_UNIT's match starts. */
function startsNumber(s: string): boolean {
  const c = s.charCodeAt(0);
  return isDigitCode(c) || ((c === 43 || c === 45) && isDigitCode(s.charCodeAt(1)));
}

/**
 * `nlp.tokenize(text)` then `compute('lexicon')` and `compute('offset')`, as
 * one list of compute steps, less two that change nothing we read:
 * `tokenize`'s second `normal` step (the tokenizer has already set every
 * term's normal form from its text by that same function, and `alias`
 * changes neither), and the `contractions` step where it would split and
 * rewrite no term (./cue-words.ts says when). Exported for the cue-tagging
 * test, which compares its terms with compromise's own.
 */
const STEPS = ['alias', 'machine', 'contractions', 'lexicon', 'offset'];
const STEPS_NO_CONTRACTION = STEPS.filter((step) => step !== 'contractions');
const mayContract = contractionTest(world.model.one);
export function tokenized(text: string): TaggedTerm[][] {
  if (!text) return [];
  const doc = new View(world.methods.one.tokenize.fromString(text, world));
  return doc.compute(mayContract(text) ? STEPS : STEPS_NO_CONTRACTION).document;
}

const SLASH = /\//g;

/** False only for text in which compromise can tag no cue (./cue-words.ts says why): such text skips compromise. */
const mayHoldCue = cueCandidateTest(world.model.one, (tag) => CUE_TAGS.has(tag));

/**
 * Cue words of one sentence, in text order, each run of terms with the same
 * tag merged ("peak memory footprint" stays one hit per tag run).
 * Slashes become spaces first so "latency/energy" yields two cues.
 */
export function tagCues(sentence: string, offset: number): CueHit[] {
  const text = sentence.includes('/') ? sentence.replace(SLASH, ' ') : sentence;
  if (!mayHoldCue(text)) return [];
  const hits = mergedHits(tokenized(text), offset, (term) => cueTag(term.tags) ?? metricAtK(term.normal));
  return refinedCues(hits, sentence, offset);
}

/** Cue hits of tokenized sentences, each run of terms with the same tag merged into one hit. */
export function mergedHits(document: TaggedTerm[][], offset: number, tagOf: (term: TaggedTerm) => CueTag | undefined): CueHit[] {
  const hits: CueHit[] = [];
  for (const terms of document) for (const term of terms) {
    const tag = tagOf(term);
    if (!tag || !term.offset) continue;
    const start = offset + term.offset.start;
    const end = start + term.offset.length;
    const last = hits[hits.length - 1];
    if (last && last.tag === tag && start - last.end <= 1) {
      last.end = end;
      last.normal += ' ' + term.normal;
    } else hits.push({ tag, start, end, normal: term.normal });
  }
  return hits;
}

/**
 * The rules read on the merged hits, whatever tokenized them (exported so the
 * cue-tagging equivalence test checks only the tokenizing against its oracle).
 */
export function refinedCues(hits: CueHit[], sentence: string, offset: number): CueHit[] {
  // "battery drain per hour of transcription": a per-time normalization, not a rate
  // "Faster R-CNN", "Smaller Model Zoo": a capitalized comparative inside a sentence, before a name, is part of the name
  const kept = hits.filter((h) => !(h.tag === 'SpeedRate' && /^per /.test(h.normal) && /^\s+of\b/.test(sentence.slice(h.end - offset))) && !partOfName(h, sentence, offset) && !modifiesAnotherNoun(h, sentence, offset));
  return lossesOfMetrics(kept, sentence, offset);
}

/** Nouns of loss that, followed by "of"/"in" and a metric, name a loss of that metric: "loss of top-1 accuracy". */
const LOSS_NOUN = /^(?:loss|losses|drop|drops|degradation|decline|decrease|reduction)$/;

/** A merged metric hit that ends in a noun of loss ("iou loss"), and a figure right after it ("of 4.9%"). */
const METRIC_THEN_LOSS = /\s(?:loss|losses|drop|drops|degradation|decline)$/;
const FIGURE_NEXT = /^\s+(?:of\s+)?(?:(?:only|just|less than|under|about|around)\s+)?[~<]?\s*\d/;

/** "loss of top-1 accuracy", "drop in F1": one QualityLoss hit over the phrase (not the metric "loss", not a resource cut). */
function lossesOfMetrics(hits: CueHit[], sentence: string, offset: number): CueHit[] {
  const out: CueHit[] = [];
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    // "an IoU loss of 4.9%", "an F1 drop of 0.8 points": a higher-is-better metric, then a noun of loss, then its figure
    if (h.tag === 'QualityMetric' && METRIC_THEN_LOSS.test(h.normal) && FIGURE_NEXT.test(sentence.slice(h.end - offset)) &&
      metricsIn(h.normal, { inTextOrder: true })[0]?.better === 'higher') {
      out.push({ ...h, tag: 'QualityLoss' });
      continue;
    }
    let j = i + 1;
    while (j < hits.length && hits[j].tag === 'Modifier') j++;
    const metric = hits[j];
    // of a higher-is-better metric only: "a reduction in error rate" is a gain
    if (LOSS_NOUN.test(h.normal) && metric?.tag === 'QualityMetric' && metricsIn(metric.normal, { inTextOrder: true })[0]?.better !== 'lower' && /^\s+(?:of|in)\s+(?:the\s+)?(?:[\w-]+\s+)?$/i.test(sentence.slice(h.end - offset, hits[i + 1].start - offset))) {
      out.push({ tag: 'QualityLoss', start: h.start, end: metric.end, normal: sentence.slice(h.start - offset, metric.end - offset).toLowerCase() });
      i = j;
    } else out.push(h);
  }
  return out;
}

/** Nouns a metric's name may modify, naming something else: "loss function", "reward model", "error correction". */
const NOT_A_METRIC_HEAD = /^[\s-]+(?:balancing|weighting|functions?|landscapes?|terms?|shaping|estimat(?:ion|ors?)|correction|models?|heads?|predictors?|signals?)\b/i;
/** "existing loss balancing methods", "a learned reward model": the metric word names another thing, and is no metric here. */
function modifiesAnotherNoun(h: CueHit, sentence: string, offset: number): boolean {
  return h.tag === 'QualityMetric' && NOT_A_METRIC_HEAD.test(sentence.slice(h.end - offset));
}

const COMPARATIVE_TAGS = new Set<CueTag>(['Faster', 'Slower', 'Smaller', 'Shorter', 'Better', 'Worse', 'Accurate']);
function partOfName(h: CueHit, sentence: string, offset: number): boolean {
  if (!COMPARATIVE_TAGS.has(h.tag)) return false;
  const at = h.start - offset;
  return /^[A-Z]/.test(sentence.slice(at)) && /\S/.test(sentence.slice(0, at)) && /^\s+[A-Z0-9][\w-]*/.test(sentence.slice(h.end - offset));
}
