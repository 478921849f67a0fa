// The `baseline` context field: what a result is compared against
// ("than X", "over X", "compared to X", "versus X", "outperforms X", "within N% of X").
import type { ClaimKind } from '@claimflow/schemas';
import { endAnchored } from '../../text/patterns.js';
import type { Sentence } from '../../text/sentences.js';
import { withoutUnopenedParentheses } from './metric-tidy.js';
import { BEATS } from '../phrasing.js';
import type { Quantity } from '../quantities.js';
import { modelMadeSmaller, namesSystem, objectImproved, ownerOfMeasureCut, selfNamedBaseline, shareOwner } from './reference.js';

/** Words that introduce what a result is compared against. */
const COMPARISON_WORDS = [
  'than', 'over', 'compared (?:to|with|against)', 'in comparison (?:to|with)', 'relative to', 'versus', 'vs\\.?', 'against',
  'with respect to', 'outperform(?:s|ed|ing)?', 'surpass(?:es|ed|ing)?', 'beat(?:s|ing)?', 'exceed(?:s|ed|ing)?', 'unlike',
  // "+3.9% top-1 improvement to ModelA": what the gain is added to
  'improvements? to',
  // "improves upon the current SOTA by 7%" (not "builds upon X"; a look-behind here was tried at every character)
  'improv(?:e|es|ed|ing)\\s+upon',
  // "similar or better accuracy to existing models", "comparable to X"
  String.raw`(?:similar|comparable|superior|equivalent|on par)(?:\s+(?:or|and)\s+\w+)?(?:\s+[\w-]+)?\s+(?:to|with)`,
];
const BASELINE_CUE = new RegExp(String.raw`\b(?:${COMPARISON_WORDS.join('|')})\s+`, 'gi');

/** Verbs that start a new clause after "and": "... than X and achieve 2x ...". */
const CLAUSE_VERBS = [
  'achieve', 'reduce', 'improve', 'obtain', 'yield', 'deliver', 'enable', 'provide', 'require', 'use', 'run', 'cut',
  'match', 'attain', 'reach', 'show', 'outperform', 'lower', 'increase', 'speed',
];
/** Words that end a baseline phrase: a preposition of setting, a new clause, a figure. */
const PHRASE_ENDERS = [
  'on', 'at', 'by', 'but', 'while', 'when', 'where', 'which', 'across', 'under', 'using', 'without', 'during',
  'respectively', 'with', 'in terms of', 'as measured', 'that', 'who', 'our', 'we', 'yet',
  // "win rate against X reaches 52%": the sentence's verb after the name
  'is', 'are', 'was', 'were', 'remains', 'reaches', 'reached', 'rises', 'rose', 'climbs', 'stands', 'improves', 'improved', 'increases', 'increased',
  'drops', 'dropped', 'falls', 'fell', 'achieves', 'achieved',
  // "HCFlow and IRN in the x4 setting": "in" before a determiner starts a setting ("state-of-the-art in NER" stays whole)
  'in (?:the|a|an|all|both|two|three|four|several|various|each|most|many)',
  String.raw`and (?:is|are|has|have|also|(?!the\b|its\b|their\b|other\b)[a-z]+s|${CLAUSE_VERBS.join('|')})`,
];

/** Where a baseline phrase ends. */
const BASELINE_END = new RegExp(
  String.raw`[,;:[\]]|\.(?:\s|$)|\s(?:${PHRASE_ENDERS.join('|')})\b|\s(?:of\s+)?[+-]?\d[\d.,]*\s?(?:%|x|×|times|points?\b|pp\b)|\sand\s+[+-]?\d`,
);

/** Phrases after "over"/"against" that name a scope or a threat, not a system compared: "over various domains", "against attacks". */
const NOT_A_BASELINE =
  /^(?:(?:various|multiple|several|many|diverse|different|all|numerous|a range of|a variety of)\b|\d+\s|(?:potential\s+|adversarial\s+|strong\s+)?(?:attacks?|perturbations?|noise|threats?|time|epochs?|iterations?|steps?)\b)/i;

/** "all previous models", "several strong baselines": a quantified set of systems. */
const QUANTIFIED_SYSTEMS = /^(?:all|various|multiple|several|many|numerous)\s+(?:[\w-]+\s+){0,3}?(?:models?|baselines?|methods?|approaches|systems?|architectures?|works?|competitors?|algorithms?|techniques?|LLMs?)\b/i;

/** "the performance of", "accuracy range of": the measure of the reference, not the reference. */
const METRIC_OF = /^(?:(?:the\s+)?[\w-]+\s+){0,2}?(?:performance|accuracy|quality|results?|scores?)(?:\s+range)?\s+of\s+(?:the\s+)?(?=\S)/i;

export interface BaselineCue {
  start: number;
  end: number;
  phrase: string;
  /** The systems of a "respectively" list ("to A, B, and C, respectively"), in order. */
  items?: string[];
}

/**
 * A parenthesis inside a baseline phrase that belongs to its name: an
 * abbreviation or a gloss ("previous state-of-the-art (SOTA)", "FP (full
 * precision)", "RT-2-X (55B)"), not a citation, an example or a figure.
 */
function namesTheBaseline(inner: string): boolean {
  return inner.trim().split(/\s+/).length <= 4 && !/et al|\b(?:19|20)\d\d\b|%|\d\s*[x×]\b|\$|\bours\b|\be\.g\.|\bi\.e\.|\bsee\b|\bvs\b/i.test(inner);
}

/** Every "than X", "compared to X", "outperforms X" of a sentence, absolute offsets. */
export function baselineCues(s: Sentence): BaselineCue[] {
  const out: BaselineCue[] = [];
  BASELINE_CUE.lastIndex = 0;
  for (let m = BASELINE_CUE.exec(s.text); m; m = BASELINE_CUE.exec(s.text)) {
    const written = s.text.slice(m.index + m[0].length).replace(/^not only\s+[^,;]*?\s+but also\s+/i, '');
    // parentheses are blanked while the phrase's end is sought: their commas and figures end nothing
    // (only where there is a "(": the pattern, which may start with spaces, was tried at every character of the rest)
    const rest = written.includes('(') ? written.replace(/\s*\([^()]*\)/g, (p) => ' '.repeat(p.length)) : written;
    // "more than 4x", "over 100", "more than an order of magnitude", "over twice" are amounts; "8B baselines", "3D detectors" are names
    if (/^[~+-]?\d[\d.,]*(?:\s|%|[xX×](?![A-Za-z])|$)|^(?:about|around|roughly|nearly|up to|an? order of|(?:one|two|three|four|five|several) orders of|twice|double|half)\b/i.test(rest)) continue;
    const stop = rest.search(BASELINE_END);
    const raw = (stop < 0 ? written : written.slice(0, stop)).replace(/\s*\(([^()]*)\)/g, (p, inner: string) => (namesTheBaseline(inner) ? p : '')).replace(/\s+/g, ' ').trim();
    const words = raw.split(' ').slice(0, 10).join(' ');
    const cleaned = words
      .replace(/^.*?\bsuch as\s+/i, '') // "methods such as Diffusion Policy": the example named is the baseline
      .replace(/^(?:with\s+)?(?:that of|those of|the|a|an|our|their|its)\s+/i, '')
      .replace(METRIC_OF, '') // "the performance of full fine-tuning"
      .replace(/\s*\[[^\]]*\]\s*/g, ' ')
      .replace(/\s*\([^()]*$/, '') // a parenthesis the phrase cut open: "QTIP (Tseng et al"
      .replace(/(?:\s+(?:based|and|or|of|in|for|to|from|that|which|who|up|[a-z]+ly))+$/i, '') // "baselines consistently", "results up to"
      .trim();
    // "outperforms all previous models": what a system beats is a set of systems, not a scope ("over various domains")
    const scopeWord = NOT_A_BASELINE.test(cleaned) && !(BEATS.test(m[0]) && QUANTIFIED_SYSTEMS.test(cleaned));
    if (!cleaned || !/[A-Za-z]{2}/.test(cleaned) || scopeWord) continue;
    out.push({ start: s.start + m.index, end: s.start + m.index + m[0].length, phrase: cleaned, items: respectiveList(rest) });
  }
  return out;
}

/**
 * The baseline of a quantity: the first comparison after it that no other
 * quantity separates from it; else the nearest one before it; else any after.
 */
export function baselineFor(q: Quantity, cues: BaselineCue[], quantities: Quantity[], s: Sentence): string | null {
  const phrase = baselineOf(q, cues, quantities, s);
  return phrase && tidyBaseline(phrase);
}

/** Metrics of a pairwise comparison: a win rate or a preference has an opponent. */
const PAIRWISE_RATE = /\b(?:win|wins|preference|preferred)\b/i;

/**
 * Whether a claim names what it is compared against: every change does, and a
 * win or preference rate is a level measured against an opponent ("a 90% win
 * rate compared to X" has X as its baseline).
 */
export function comparesAgainst(kind: ClaimKind, metric: string | null): boolean {
  return kind === 'speedup' || kind === 'efficiency' || kind === 'quality_delta' || (kind === 'quality_value' && PAIRWISE_RATE.test(metric ?? ''));
}

/** What is measured of a reference, after its name: "97% of the RoBERTa teacher performance", "13% of the teacher model parameters". */
const MEASURE_AFTER_NAME = /\s+(?:performance|accuracy|quality|results?|scores?|parameters|params|size)$/i;

/** Words that rank or date a baseline rather than name it: "the best ResNeXt-101", "recent Ring Attention". */
const RANKING_WORDS = /^(?:best|recent|recently\s+proposed)\s+(?=[A-Z]|[a-z][\w.-]*[A-Z0-9])/;
/** "strong baseline Likelihood Regret", "the classical teacher-based method FGFI": a generic noun in apposition to a name. */
const APPOSED_NAME = /^(?:[a-z][\w-]*\s+){1,3}(?:baselines?|methods?|models?|approach(?:es)?|systems?|frameworks?|techniques?)\s+(?:of\s+)?((?:[A-Z][\w.#-]*|[a-z][\w.-]*[A-Z0-9][\w.#-]*)(?:\s+(?:and\s+)?[A-Z][\w.#-]*)*)$/;
/** A phrase that trails a name: "state-of-the-art in comparison", "YOLOv2 in consideration of ...". */
const TRAILING_ASIDE = /\s+in\s+(?:comparison|consideration|contrast|addition)\b.*$/i;

/** A baseline as an analyst filters on it: no article, no possessive, no measure after the name ("MnasNet's" -> MnasNet). */
function tidyBaseline(phrase: string): string | null {
  const name = withoutUnopenedParentheses(phrase).replace(/^(?:the|a|an)\s+/i, '').replace(/['’]s$/, '').replace(TRAILING_ASIDE, '').replace(RANKING_WORDS, '');
  const bare = name.includes(' ') ? name.replace(MEASURE_AFTER_NAME, '') : name;
  return APPOSED_NAME.exec(bare)?.[1] ?? (bare || null);
}

/** The plural head a coordinated phrase may share: "loss weighting and gradient balancing approaches". */
const PLURAL_HEAD = /\b(?:methods|approaches|models|baselines|techniques|networks|systems|algorithms|frameworks)$/i;

/**
 * "outperforms Ring Attention and DeepSpeed-Ulysses by 1.3x and 1.9x": a
 * list of figures against a list of as many systems pairs them in order.
 * A figure alone keeps the whole list ("RVQuant and HAQ").
 */
export function baselineOfMember(baseline: string | null, list: { index: number; size: number }): string | null {
  if (!baseline || list.size < 2) return baseline;
  const parts = baseline.split(/\s*,\s*(?:and\s+)?|\s+and\s+/).filter(Boolean);
  // "CNN- and transformer-based approaches", "loss weighting and gradient balancing approaches" share their head: no split
  const sharedHead = PLURAL_HEAD.test(parts.at(-1)!) && !parts.slice(0, -1).some((p) => PLURAL_HEAD.test(p));
  return parts.length === list.size && !sharedHead && parts.every((p) => p.split(' ').length <= 4 && !p.endsWith('-')) ? parts[list.index] : baseline;
}

function baselineOf(q: Quantity, cues: BaselineCue[], quantities: Quantity[], s: Sentence): string | null {
  const before = s.text.slice(0, q.start - s.start);
  const after = s.text.slice(q.end - s.start);
  const reference = referenceOf(q, s) ?? shareOwner(after, before);
  if (reference) return reference;
  const between = (a: number, b: number) => quantities.some((o) => o !== q && o.start >= a && o.end <= b);
  // "surpasses X by 9.7%": the system beaten right before "by" is the baseline, whatever is compared later
  const beaten = cues.filter((c) => c.end <= q.start && BEATS.test(s.text.slice(c.start - s.start, c.end - s.start))).at(-1);
  // "outperforms A by 4% and B by 3%", "e.g. A by 4%": each system beaten is named right before its "by"
  const pair = beaten && /(?:\band|,|\()\s*(?:e\.g\.,?\s+|i\.e\.,?\s+|such as\s+)?(?:the\s+)?([^\s,;()]+(?:\s+[^\s,;()]+){0,3}?)\s+by\s+(?:\S+\s+){0,2}$/i.exec(s.text.slice(beaten.end - s.start, q.start - s.start));
  // after an example marker or a figure of its own; in "outperforms A and B by 3%" the systems beaten are both
  if (pair && namesSystem(pair[1]) && (/e\.g\.|i\.e\.|such as/i.test(pair[0]) || between(beaten!.end, q.start))) return pair[1];
  if (beaten && !between(beaten.end, q.start) && /\bby\s+(?:\S+\s+){0,4}$/i.test(before)) return beaten.phrase;
  const after_ = cues.filter((c) => c.start >= q.end);
  const list = after_.find((c) => c.items);
  const listed = list ? respectiveItem(list, q, quantities) : null;
  if (listed) return listed;
  const direct = after_.find((c) => c.start < s.end && !between(q.end, c.start));
  if (direct) return direct.phrase;
  const named = ownerOfMeasureCut(before) ?? objectImproved(before) ?? modelMadeSmaller(before);
  if (named) return named;
  const previous = cues.filter((c) => c.end <= q.start).at(-1);
  if (previous) return previous.phrase;
  return after_[0]?.phrase ?? selfNamedBaseline(before);
}

/** "+3.9%, +1.4% and +1.9% improvement to A, B, and C, respectively": the item in the figure's place. */
function respectiveItem(cue: BaselineCue, q: Quantity, quantities: Quantity[]): string | null {
  if (!cue.items) return null;
  const figures = quantities.filter((o) => o.end <= cue.start);
  const run = figures.slice(-cue.items.length);
  const i = run.indexOf(q);
  return run.length === cue.items.length && i >= 0 ? cue.items[i] : null;
}

// Words before the figure, anchored at the end of the text before it (see ../../text/patterns.ts).
const BOUNDING_BEFORE = endAnchored(/\b(?:within|retains?|retaining|preserves?|preserving|recovers?|recovering)\s+(?:\w+\s+)?$/i);
const REACHES_BEFORE = endAnchored(/\b(?:achiev|reach|attain|maintain|keep|match)\w*\s+(?:\w+\s+){0,2}$/i);

/** "within 0.9% of a 10x larger Conformer", "retains 97% of BERT's accuracy": the reference is the baseline. */
function referenceOf(q: Quantity, s: Sentence): string | null {
  const before = s.text.slice(0, q.start - s.start);
  const bounding = BOUNDING_BEFORE.test(before.slice(-60));
  // "achieves 98.2% of the performance of the full model": a share of another's result
  const shareOf = !bounding && /^\s*of\s/i.test(s.text.slice(q.end - s.start, q.end - s.start + 6)) && REACHES_BEFORE.test(before.slice(-60));
  if (!bounding && !shareOf) return null;
  const m = /^\s*(?:of\s+)?(?:the\s+|a\s+|an\s+)?(?=[A-Za-z])/.exec(s.text.slice(q.end - s.start)); // "within 1.8% (of) the FP32 baseline"
  if (!m) return null;
  const rest = s.text.slice(q.end - s.start + m[0].length);
  const stop = rest.search(BASELINE_END);
  const phrase = (stop < 0 ? rest : rest.slice(0, stop)).replace(/'s\b.*$/, '').replace(METRIC_OF, '').trim();
  // "97% of its accuracy": the reference is named elsewhere; "within 1% under 4x compression": a condition follows, no reference
  return phrase && !/^(?:its|their|his|her|and|or|respectively|under|at|on|in|for|with|across|during)\b/i.test(phrase) ? phrase : null;
}

/** "A, B, and C, respectively": the items of a list the sentence pairs with its figures. */
function respectiveList(rest: string): string[] | undefined {
  const m = /^((?:[^,;.]+,\s*)+(?:and\s+|or\s+)?[^,;.]+?),?\s+respectively\b/i.exec(rest);
  if (!m) return undefined;
  const items = m[1].split(/,\s*(?:and\s+|or\s+)?|\s+and\s+/).map((x) => x.replace(/^(?:the|a|an)\s+/i, '').trim()).filter(Boolean);
  return items.length >= 2 && items.every((x) => x.split(' ').length <= 4) ? items : undefined;
}
