// The extractor: sentences → quantities → exclusions → coordinated groups →
// cue windows → decisions → drafts with context.
import type { ClaimDraft, Qualifier } from '@claimflow/schemas';
import { definedAbbreviations, withAbbreviations, type Abbreviations } from './lexicon/abbreviations.js';
import { tagCues, type CueHit } from './lexicon/nlp.js';
import { baselineCues, baselineFor, metricText, settingFor, settingsIn, withPaperMetric, type BaselineCue, type SettingMention } from './rules/context/index.js';
import { decide, type Decision } from './rules/decide/index.js';
import { excludedBy, isEvaluationStudy, OWN_CONTRIBUTION, setsUpExperiment } from './rules/exclusions.js';
import { coordinated, coordinatedGroups, slashPairs } from './rules/lists.js';
import { resultCues } from './rules/descriptors.js';
import { readQualifier } from './rules/qualifiers.js';
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

export function extractDrafts(text: string): ClaimDraft[] {
  const drafts: ClaimDraft[] = [];
  // a comparison stays in force for the sentences that follow ("Compared with X, ... . It also cuts memory by 2x.")
  let standingBaseline: string | null = null;
  const clean = cleanText(text);
  const abbreviations = definedAbbreviations(clean.text);
  const study = isEvaluationStudy(clean.text); // figures of an evaluation study describe the systems it evaluates
  splitSentences(clean.text).forEach((s, index) => {
    const comparisons = baselineCues(s);
    const reads = (index > 0 || ABOUT_THE_WORK.test(s.text) || NAMED_RESULT.test(s.text)) && (!study || OWN_CONTRIBUTION.test(s.text));
    const found = reads ? sentenceDrafts({ original: text, clean, abbreviations }, s, comparisons, standingBaseline) : [];
    drafts.push(...found);
    // only a comparison that came with results stands for the next sentences: background compares other things
    if (found.length) standingBaseline = comparisons.at(-1)?.phrase ?? standingBaseline;
  });
  return withPaperMetric(drafts).sort((a, b) => a.span[0] - b.span[0]);
}

/** Everything known about one sentence while its quantities are read. */
interface SentenceScope {
  /** The abstract as given, and as the rules read it (spans map back through `clean.span`). */
  source: Source;
  s: Sentence;
  quantities: Quantity[];
  cues: CueHit[];
  /** Named settings of the sentence, scanned when its first claim needs them. */
  settings: SettingMention[] | null;
  comparisons: BaselineCue[];
  /** The last comparison of an earlier sentence, for claims whose own sentence names none. */
  standingBaseline: string | null;
  /** The last claim so far: for anaphora, shared qualifiers, and where the next look-back stops. */
  last: { decision: Decision | null; q: Quantity | null; qualifier: Qualifier; baseline?: string | null };
}

interface Source {
  original: string;
  clean: CleanText;
  abbreviations: Abbreviations;
}

function sentenceDrafts(source: Source, s: Sentence, comparisons: BaselineCue[], standingBaseline: string | null): ClaimDraft[] {
  const textBefore = (at: number) => s.text.slice(0, at - s.start);
  const textAfter = (at: number) => s.text.slice(at - s.start);
  const quantities = scanQuantities(s.text, s.start).filter(
    (q) => !excludedBy(q, { before: textBefore(q.start), after: textAfter(q.end) }),
  );
  if (!quantities.length) return [];
  const scope: SentenceScope = {
    source, s, quantities, cues: withAbbreviations(resultCues(tagCues(s.text, s.start), s.text, s.start), s.text, s.start, source.abbreviations), settings: null, comparisons, standingBaseline,
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
        gap: last.q ? s.text.slice(last.q.end - s.start, q.start - s.start) : null,
      });
      if (!decision) return;
      const own = i === 0 ? groupQualifier : readQualifier(textBefore(q.start), textAfter(q.end));
      let qualifier: Qualifier = own?.qualifier ?? groupQualifier?.qualifier ?? q.impliedQualifier ?? 'exact';
      if (qualifier === 'exact' && joined) qualifier = last.qualifier; // "up to 3x faster and 5x cheaper"
      if (qualifier === 'exact' && BOUNDING_RELATIONS.has(decision.relation)) qualifier = 'upper_bound';
      if (qualifier === 'exact' && /^\s*on average\b/i.test(s.text.slice(window.clauseStart - s.start))) qualifier = 'average'; // "On average, ...""
      const draft = draftOf(scope, q, decision, qualifier);
      out.push(draft);
      // a later claim of the sentence with no comparison of its own keeps this one's ("compress X by 50%, while accuracy drops by 1%")
      scope.last = { decision, q, qualifier, baseline: draft.baseline ?? scope.last.baseline };
    });
  });
  return out;
}

function draftOf(scope: SentenceScope, q: Quantity, d: Decision, qualifier: Qualifier): ClaimDraft {
  const { source, s, cues, comparisons, quantities } = scope;
  const compared = d.kind === 'speedup' || d.kind === 'efficiency' || d.kind === 'quality_delta';
  const span = source.clean.span(q.start, q.end);
  return {
    kind: d.kind,
    span,
    text: source.original.slice(...span),
    qualifier,
    raw: { value: q.value, low: q.low, high: q.high, unit: q.unit, relation: d.relation },
    metric: metricText(source.clean.text, cues, d.metricCue, d.kind, q.unit, { start: q.start, end: q.end, relation: d.relation }),
    baseline: compared ? (baselineFor(q, comparisons, quantities, s) ?? scope.last.baseline ?? scope.standingBaseline) : null,
    setting: settingFor(q, (scope.settings ??= settingsIn(s))),
    sentence: source.original.slice(...source.clean.span(s.start, s.end)),
  };
}
