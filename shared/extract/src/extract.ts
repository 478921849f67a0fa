// The extractor: sentences → quantities → exclusions → coordinated groups →
// cue windows → decisions → drafts with context.
import type { ClaimDraft, Qualifier } from '@claimflow/schemas';
import { tagCues, type CueHit } from './lexicon/nlp.js';
import { baselineCues, baselineFor, metricText, settingFor, settingsIn, type BaselineCue, type SettingMention } from './rules/context/index.js';
import { decide, type Decision } from './rules/decide/index.js';
import { excludedBy, isEvaluationStudy, OWN_CONTRIBUTION, setsUpExperiment } from './rules/exclusions.js';
import { coordinated, coordinatedGroups, slashPairs } from './rules/lists.js';
import { readQualifier } from './rules/qualifiers.js';
import { scanQuantities, type Quantity } from './rules/quantities.js';
import { cueWindow } from './rules/windows.js';
import { cleanText } from './text/hygiene.js';
import { splitSentences, type Sentence } from './text/sentences.js';

/**
 * An opening sentence about the field, not the work ("Training video models is
 * an order of magnitude slower..."): it neither refers to the work nor reports
 * an achievement.
 */
const ABOUT_THE_WORK = /\b(?:we|our|us|this (?:paper|work|study|article)|here|proposed|present|achiev\w*|outperform\w*|attain\w*|deliver\w*)\b/i;

/** Relations that bound a loss ("within 1% of", "retains 99% of"): the contract reads them as upper bounds. */
const BOUNDING_RELATIONS = new Set(['within', 'retains']);

export function extractDrafts(text: string): ClaimDraft[] {
  const drafts: ClaimDraft[] = [];
  // a comparison stays in force for the sentences that follow ("Compared with X, ... . It also cuts memory by 2x.")
  let standingBaseline: string | null = null;
  const clean = cleanText(text);
  const study = isEvaluationStudy(clean); // figures of an evaluation study describe the systems it evaluates
  splitSentences(clean).forEach((s, index) => {
    const comparisons = baselineCues(s);
    if ((index > 0 || ABOUT_THE_WORK.test(s.text)) && (!study || OWN_CONTRIBUTION.test(s.text))) drafts.push(...sentenceDrafts(text, s, comparisons, standingBaseline));
    standingBaseline = comparisons.at(-1)?.phrase ?? standingBaseline;
  });
  return drafts.sort((a, b) => a.span[0] - b.span[0]);
}

/** Everything known about one sentence while its quantities are read. */
interface SentenceScope {
  original: string;
  s: Sentence;
  quantities: Quantity[];
  cues: CueHit[];
  /** Named settings of the sentence, scanned when its first claim needs them. */
  settings: SettingMention[] | null;
  comparisons: BaselineCue[];
  /** The last comparison of an earlier sentence, for claims whose own sentence names none. */
  standingBaseline: string | null;
  /** The last claim so far: for anaphora, shared qualifiers, and where the next look-back stops. */
  last: { decision: Decision | null; q: Quantity | null; qualifier: Qualifier };
}

function sentenceDrafts(original: string, s: Sentence, comparisons: BaselineCue[], standingBaseline: string | null): ClaimDraft[] {
  const textBefore = (at: number) => s.text.slice(0, at - s.start);
  const textAfter = (at: number) => s.text.slice(at - s.start);
  const quantities = scanQuantities(s.text, s.start).filter(
    (q) => !excludedBy(q, { before: textBefore(q.start), after: textAfter(q.end) }),
  );
  if (!quantities.length) return [];
  const scope: SentenceScope = {
    original, s, quantities, cues: tagCues(s.text, s.start), settings: null, comparisons, standingBaseline,
    last: { decision: null, q: null, qualifier: 'exact' },
  };
  const sentenceMetrics = scope.cues.filter((c) => c.tag === 'QualityMetric');
  const groups = coordinatedGroups(quantities, s.text, s.start);
  const out: ClaimDraft[] = [];

  groups.forEach((group, gi) => {
    const first = group[0];
    const final = group.at(-1)!;
    const before = textBefore(first.start);
    const groupQualifier = readQualifier(before, textAfter(first.end));
    const lead = before.slice(0, groupQualifier?.wordsFrom ?? before.length);
    const prevEnd = scope.last.q?.end ?? s.start; // cues after the last claim are free; a rejected number owns none
    const nextStart = groups[gi + 1]?.[0].start ?? s.end;
    const window = cueWindow(s, scope.cues, first, final, prevEnd, nextStart, s.start + lead.length);
    if (setsUpExperiment(final, window, s)) return;
    const paired = slashPairs(window, group.length, s);

    group.forEach((q, i) => {
      const { last } = scope;
      const joined = !!last.q && coordinated(last.q, q, s.text, s.start);
      const decision = decide({
        q, written: s.text.slice(q.start - s.start, q.end - s.start),
        window: paired ? { ...window, left: [paired[i]], right: [] } : window,
        before, lead, after: textAfter(final.end), sentenceMetrics,
        previous: last.decision, previousUnit: last.q?.unit ?? null, coordinated: joined, paired: !!paired,
      });
      if (!decision) return;
      const own = i === 0 ? groupQualifier : readQualifier(textBefore(q.start), textAfter(q.end));
      let qualifier: Qualifier = own?.qualifier ?? groupQualifier?.qualifier ?? q.impliedQualifier ?? 'exact';
      if (qualifier === 'exact' && joined) qualifier = last.qualifier; // "up to 3x faster and 5x cheaper"
      if (qualifier === 'exact' && BOUNDING_RELATIONS.has(decision.relation)) qualifier = 'upper_bound';
      if (qualifier === 'exact' && /^\s*on average\b/i.test(s.text.slice(window.clauseStart - s.start))) qualifier = 'average'; // "On average, ...""
      out.push(draftOf(scope, q, decision, qualifier));
      scope.last = { decision, q, qualifier };
    });
  });
  return out;
}

function draftOf(scope: SentenceScope, q: Quantity, d: Decision, qualifier: Qualifier): ClaimDraft {
  const { original, s, cues, comparisons, quantities } = scope;
  const compared = d.kind === 'speedup' || d.kind === 'efficiency' || d.kind === 'quality_delta';
  return {
    kind: d.kind,
    span: [q.start, q.end],
    text: original.slice(q.start, q.end),
    qualifier,
    raw: { value: q.value, low: q.low, high: q.high, unit: q.unit, relation: d.relation },
    metric: metricText(original, cues, d.metricCue, d.kind, q.unit),
    baseline: compared ? (baselineFor(q, comparisons, quantities, s) ?? scope.standingBaseline) : null,
    setting: settingFor(q, (scope.settings ??= settingsIn(s))),
    sentence: original.slice(s.start, s.end),
  };
}
