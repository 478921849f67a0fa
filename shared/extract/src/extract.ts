// The extractor: sentences → quantities → syntax exclusions → candidates
// (each described by the rules: cue windows, exclusions, the 1.3.0 cascade's
// decision) → the decision model → drafts with context and confidence.
import type { ClaimDraft, ClaimKind, Qualifier } from '@claimflow/schemas';
import { normalizeDraft } from '@claimflow/units';
import type { Candidate } from './candidates/candidate.js';
import { plainDecision } from './candidates/fallback.js';
import { familyValuesOf } from './model/features.js';
import { CLASSES, calibrated, confidenceInput, emptyScores, noveltyOf, type Scorer } from './model/linear.js';
import { definedAbbreviations, withAbbreviations, type Abbreviations } from './lexicon/abbreviations.js';
import { tagCues, type CueHit } from './lexicon/nlp.js';
import { baselineCues, baselineFor, baselineOfMember, comparesAgainst, metricText, settingFor, settingsIn, withoutReferenceName, withPaperMetric, type BaselineCue, type SettingMention } from './rules/context/index.js';
import { decide, type Decision, type Reading } from './rules/decide/index.js';
import { exclusionsOf, isEvaluationStudy, OWN_CONTRIBUTION, setsUpExperiment } from './rules/exclusions.js';
import { coordinated, coordinatedGroups, slashPairs } from './rules/lists.js';
import { resultCues } from './rules/descriptors.js';
import { qualifierAfter, readQualifier } from './rules/qualifiers.js';
import { scanQuantities, type Quantity } from './rules/quantities.js';
import { cueWindow } from './rules/windows.js';
import { cleanText, type CleanText } from './text/hygiene.js';
import { splitSentences, type Sentence } from './text/sentences.js';

/**
 * An opening sentence about the field, not the work ("Training video models is
 * an order of magnitude slower..."): it neither refers to the work nor reports
 * an achievement.
 */
const ABOUT_THE_WORK = /\b(?:we|our|us|this (?:paper|work|study|article)|here|proposed|present|achiev\w*|outperform\w*|attain\w*|deliver\w*)\b/i;

/**
 * An opening sentence whose subject is a coined name ("ProbeNet is 3x faster
 * than ...", "FLASH-X reduces memory by 40%") reports the work's result: the
 * field is not named in CamelCase or capitals.
 */
const NAMED_RESULT = /^\s*(?:[A-Z][a-z]+[A-Z][\w-]*|[A-Z]{2,}[\w-]*|[A-Z][a-z]*-[A-Z0-9][\w-]*)\s+(?:is|are|runs|reduces|cuts|outperforms|improves|achieves|delivers|speeds|accelerates|attains|reaches|yields|compresses|matches|surpasses|beats|lowers|saves|uses|requires|trains|decodes|processes)\b/;

/** Relations that bound a loss ("within 1% of", "retains 99% of"): the contract reads them as upper bounds. */
const BOUNDING_RELATIONS = new Set(['within', 'retains']);

/** Every candidate figure of an abstract, in text order, each with the cascade's verdict and its features. */
export function candidatesOf(text: string): Candidate[] {
  const out: Candidate[] = [];
  // a comparison does not stand for the sentences that follow ("Compared with X, ... . It also cuts memory by 2x."):
  // carried over, it named a wrong baseline more often than a right one in cross-validation (context 0.774 -> 0.778)
  const clean = cleanText(text);
  const abbreviations = definedAbbreviations(clean.text);
  const study = isEvaluationStudy(clean.text); // figures of an evaluation study describe the systems it evaluates
  splitSentences(clean.text).forEach((s, index) => {
    // read only for a sentence with figures: the rest never use them
    let comparisons: BaselineCue[] | null = null;
    const comparisonsOf = () => (comparisons ??= baselineCues(s));
    const reads = (index > 0 || ABOUT_THE_WORK.test(s.text) || NAMED_RESULT.test(s.text)) && (!study || OWN_CONTRIBUTION.test(s.text));
    out.push(...sentenceCandidates({ original: text, clean, abbreviations, study }, s, index, comparisonsOf, reads));
  });
  return out.sort((a, b) => a.span[0] - b.span[0]);
}

/** The drafts the model accepts, each with its calibrated `confidence`: the probability that the claim is strict-correct. */
export function decideCandidates(candidates: Candidate[], scorer: Scorer): ClaimDraft[] {
  const { calibration = [], confidenceScore } = scorer.model;
  return scoredDrafts(candidates, scorer).map(({ draft, raw, novelty }) =>
    ({ ...draft, confidence: round3(calibrated(confidenceInput(raw, novelty, confidenceScore), calibration)) }));
}

/** A draft the model accepts, before calibration: P(kind) × P(value right), and the novelty of its evidence (noveltyOf). */
export interface ScoredDraft {
  draft: ClaimDraft;
  raw: number;
  novelty: number;
}

/** The drafts the model accepts with their raw scores and novelty (what training calibrates on), in candidate order. */
export function scoredDrafts(candidates: Candidate[], scorer: Scorer): ScoredDraft[] {
  const out: ScoredDraft[] = [];
  const reused = emptyScores(); // each candidate's scores, read only within its turn
  for (const c of candidates) {
    const scores = scorer.scoreByFamily(c.byFamily, reused);
    const verdict = scorer.kindOf(scores, allowedClasses(c));
    if (!verdict.kind) continue;
    const read = c.decisionFor(verdict.kind)!;
    const relation = scorer.relationFor(scores, verdict.kind, c.q.form, read.relation);
    const decision = relation === read.relation ? read : { ...read, relation };
    // confidence is that of the whole claim: the kind, and the value read for it
    const raw = verdict.confidence * scorer.valueRightFor(scores, verdict.kind, decision.relation, c.q.form);
    if (raw < scorer.model.threshold) continue;
    let draft = c.draft(decision);
    // a relation the head chose that the units library cannot normalize for this figure falls back to the rules' own
    if (decision !== read && !normalizeDraft(draft)) draft = c.draft(read);
    out.push({ draft, raw, novelty: noveltyOf(scores) });
  }
  const named = withPaperMetric(out.map((s) => s.draft));
  return out.map((s, i) => (named[i] === s.draft ? s : { ...s, draft: named[i] }));
}

/** The classes a candidate can take: `none`, the kinds the rules proposed, and the kinds its form can be read as (see plainDecision). */
export function allowedClasses(c: Candidate): boolean[] {
  const byForm = FORM_KINDS[c.q.form];
  return CLASSES.map((k, i) => i === 0 || byForm.has(k as ClaimKind) || c.cascade?.kind === k || c.proposal?.kind === k ||
    (k === 'measurement' && c.q.form === 'measure' && c.decisionFor('measurement') != null));
}
const FORM_KINDS: Record<Quantity['form'], Set<ClaimKind>> = {
  factor: new Set(['speedup', 'efficiency', 'quality_delta']),
  fraction: new Set(['speedup', 'efficiency']),
  percent: new Set(['speedup', 'efficiency', 'quality_delta', 'quality_value', 'measurement']),
  points: new Set(['quality_delta', 'quality_value']),
  bare: new Set(['quality_delta', 'quality_value']),
  measure: new Set(['quality_value']),
};
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Everything known about one sentence while its quantities are read. */
interface SentenceScope {
  /** The abstract as given, and as the rules read it (spans map back through `clean.span`). */
  source: Source;
  s: Sentence;
  quantities: Quantity[];
  cues: CueHit[];
  /** Named settings of the sentence, scanned when its first claim needs them. */
  settings: SettingMention[] | null;
  /** The sentence's comparisons ("than X", "over X"), read when a claim first needs a baseline. */
  comparisons: () => BaselineCue[];
  /** The cascade's last claim so far: for anaphora, shared qualifiers, and where the next look-back stops. */
  last: { decision: Decision | null; q: Quantity | null; qualifier: Qualifier; baseline?: string | null };
}

interface Source {
  original: string;
  clean: CleanText;
  abbreviations: Abbreviations;
  study: boolean;
}

/**
 * The candidates of one sentence. The cascade runs as in extractor 1.3.0 (its
 * verdicts and their order of reading are unchanged); figures it drops by a
 * semantic exclusion, a setup noun, or an unread sentence are still
 * candidates, with why they were dropped as evidence.
 */
function sentenceCandidates(
  source: Source, s: Sentence, sentenceIndex: number, comparisonsOf: () => BaselineCue[], reads: boolean,
): Candidate[] {
  const textBefore = (at: number) => s.text.slice(0, at - s.start);
  const textAfter = (at: number) => s.text.slice(at - s.start);
  const scanned = scanQuantities(s.text, s.start).map((q) => ({ q, ...exclusionsOf(q, { before: textBefore(q.start), after: textAfter(q.end) }) }));
  const figures = scanned.filter((x) => !x.syntax);
  if (!figures.length) return [];
  const semantic = new Map(figures.map((x) => [x.q, x.semantic]));
  const quantities = figures.filter((x) => !x.semantic.length).map((x) => x.q);
  const scope: SentenceScope = {
    source, s, quantities, cues: reads ? withAbbreviations(resultCues(tagCues(s.text, s.start), s.text, s.start), s.text, s.start, source.abbreviations) : [], settings: null, comparisons: comparisonsOf,
    last: { decision: null, q: null, qualifier: 'exact' },
  };
  const sentenceMetrics = scope.cues.filter((c) => c.tag === 'QualityMetric');
  const groups = coordinatedGroups(quantities, s.text, s.start);
  const out: Candidate[] = [];
  let previous: Decision | null | undefined;
  const sentenceFamilies = new Map<string, string[]>(); // feature families that read only the sentence, computed once for it

  const candidate = (reading: Reading, cascade: Decision | null, dropped: string | null, qualified: Qualified, listSize: number, listIndex: number): Candidate => {
    const { q } = reading;
    const proposal = cascade ?? (dropped === 'undecided' ? null : decide(reading)); // an undecided figure was just read by decide()
    const baseline = scope.last.baseline;
    const qualifier = qualified.averaged && qualified.qualifier === 'exact' ? 'average' : qualified.qualifier;
    let made: { d: Decision; draft: ClaimDraft } | null = null; // the cascade's draft is made once, for the next claim's context
    const c: Candidate = {
      span: source.clean.span(q.start, q.end), q, cascade, dropped, proposal, qualifier,
      byFamily: familyValuesOf({
        q, written: reading.written, before: textBefore(q.start), after: textAfter(q.end), window: reading.window,
        sentenceIndex, sentenceText: s.text, sentenceMetrics, cascade, dropped, proposal, exclusions: semantic.get(q) ?? [],
        qualifier, listSize, listIndex, previous, study: source.study, sentenceFamilies,
      }),
      decisionFor: (kind) => (cascade?.kind === kind ? cascade : proposal?.kind === kind ? proposal : plainDecision(kind, reading)),
      draft: (d) => (made?.d === d ? made.draft : (made = { d, draft: draftOf(scope, q, d, finalQualifier(qualified, d), baseline, { index: listIndex, size: listSize }) }).draft),
    };
    previous = cascade;
    return c;
  };

  groups.forEach((group, gi) => {
    const first = group[0];
    const final = group.at(-1)!;
    const before = textBefore(first.start);
    let groupQualifier = readQualifier(before, textAfter(first.end));
    if (!groupQualifier && group.length > 1) {
      // a qualifier after a list is the whole list's: "by 8.9% and 17.2% on average"
      const trailing = qualifierAfter(textAfter(final.end));
      if (trailing) groupQualifier = { qualifier: trailing, wordsFrom: before.length };
    }
    const lead = before.slice(0, groupQualifier?.wordsFrom ?? before.length);
    const prevEnd = scope.last.q?.end ?? s.start; // cues after the last claim are free; a rejected number owns none
    const nextStart = groups[gi + 1]?.[0].start ?? s.end;
    const window = cueWindow(s, scope.cues, first, final, prevEnd, nextStart, s.start + lead.length);
    const setup = setsUpExperiment(final, window, s);
    const paired = slashPairs(window, group.length, s);

    group.forEach((q, i) => {
      const { last } = scope;
      const joined = !!last.q && coordinated(last.q, q, s.text, s.start);
      const reading: Reading = {
        q, written: s.text.slice(q.start - s.start, q.end - s.start),
        window: paired ? { ...window, left: [paired[i]], right: [] } : window,
        before, lead, after: textAfter(final.end), sentenceMetrics,
        previous: last.decision, previousUnit: last.q?.unit ?? null, coordinated: joined, paired: !!paired,
        gap: last.q ? s.text.slice(last.q.end - s.start, q.start - s.start) : null,
      };
      const own = i === 0 ? groupQualifier : readQualifier(textBefore(q.start), textAfter(q.end));
      let qualifier: Qualifier = own?.qualifier ?? groupQualifier?.qualifier ?? q.impliedQualifier ?? 'exact';
      if (qualifier === 'exact' && joined) qualifier = last.qualifier; // "up to 3x faster and 5x cheaper"
      const averaged = /^\s*on average\b/i.test(s.text.slice(window.clauseStart - s.start)); // "On average, ..."
      const decision = !reads || setup ? null : decide(reading);
      const dropped = !reads ? 'unread' : setup ? 'setup' : decision ? null : 'undecided';
      const c = candidate(reading, decision, dropped, { qualifier, averaged }, group.length, i);
      out.push(c);
      if (!decision) return;
      const draft = c.draft(decision);
      // a later claim of the sentence with no comparison of its own keeps this one's ("compress X by 50%, while accuracy drops by 1%")
      scope.last = { decision, q, qualifier: draft.qualifier, baseline: draft.baseline ?? scope.last.baseline };
    });
  });

  // figures a semantic exclusion drops are read alone, as the rules would read them without it
  for (const { q, semantic: names } of figures) {
    if (!names.length) continue;
    const before = textBefore(q.start);
    const own = readQualifier(before, textAfter(q.end));
    const lead = before.slice(0, own?.wordsFrom ?? before.length);
    const neighbours = quantities.filter((o) => o.end <= q.start).at(-1);
    const next = quantities.find((o) => o.start >= q.end);
    const window = cueWindow(s, scope.cues, q, q, neighbours?.end ?? s.start, next?.start ?? s.end, s.start + lead.length);
    const reading: Reading = {
      q, written: s.text.slice(q.start - s.start, q.end - s.start), window, before, lead, after: textAfter(q.end), sentenceMetrics,
      previous: null, previousUnit: null, coordinated: false, paired: false, gap: null,
    };
    out.push(candidate(reading, null, names[0], { qualifier: own?.qualifier ?? q.impliedQualifier ?? 'exact', averaged: false }, 1, 0));
  }
  return out;
}

/** A figure's qualifier before its decision, and whether its clause opens with "On average". */
interface Qualified {
  qualifier: Qualifier;
  averaged: boolean;
}

/** Relations that bound a loss ("within 1% of", "retains 99% of") make an exact figure an upper bound; else "On average, ..." makes it an average. */
function finalQualifier({ qualifier, averaged }: Qualified, d: Decision): Qualifier {
  // "retains at least 99%": a bound on the share kept is the opposite bound on the loss the claim states (−1 pp at most)
  if (d.relation === 'retains' && (qualifier === 'lower_bound' || qualifier === 'upper_bound')) return qualifier === 'lower_bound' ? 'upper_bound' : 'lower_bound';
  if (qualifier !== 'exact') return qualifier;
  return BOUNDING_RELATIONS.has(d.relation) ? 'upper_bound' : averaged ? 'average' : 'exact';
}

function draftOf(scope: SentenceScope, q: Quantity, d: Decision, qualifier: Qualifier, lastBaseline: string | null | undefined, list: { index: number; size: number }): ClaimDraft {
  const { source, s, cues, comparisons, quantities } = scope;
  const metric = metricText(source.clean.text, cues, d.metricCue, d.kind, q.unit, { start: q.start, end: q.end, relation: d.relation, list });
  const span = source.clean.span(q.start, q.end);
  const baseline = comparesAgainst(d.kind, metric) ? baselineOfMember(baselineFor(q, comparisons(), quantities, s) ?? lastBaseline ?? null, list) : null;
  return {
    kind: d.kind,
    span,
    text: source.original.slice(...span),
    qualifier,
    raw: { value: q.value, low: q.low, high: q.high, unit: q.unit, relation: d.relation },
    metric: withoutReferenceName(metric, baseline),
    baseline,
    setting: settingFor(q, (scope.settings ??= settingsIn(s))),
    sentence: source.original.slice(...source.clean.span(s.start, s.end)),
    confidence: null,
  };
}
