// Deciding what a quantity claims: its kind and how the sentence relates the
// number to the result (the `relation` the units library normalizes). The
// rules read compromise cue tags around the number (see ../windows.ts).
import type { CueHit } from '../../lexicon/nlp.js';
import { measurementDecision } from './measurement.js';
import { APPOSITION, BY_CHANGE, OF_WHOLE, WITHIN } from '../phrasing.js';
import { qualityDecision, unnamedQuality } from './quality.js';
import { categoryCue, directionOf, isCategory, meaning, type Decision, type Reading } from './reading.js';
import { measuredCategory, resourceDecision, shareOfWhole, type Scale } from './resources.js';

export type { Decision, Reading } from './reading.js';

/** The claim a quantity makes, or null when it makes none. */
export function decide(r: Reading): Decision | null {
  const { q, window: w } = r;
  if (q.form === 'measure') return measurementDecision(r);
  const cue = categoryCue(w);
  if (q.wordy && !wordFactorFits(r, cue)) return null;
  if (r.coordinated && r.previous && !w.right.some(isCategory)) return r.previous; // "88.4 on A and 84.9 on B"
  if (!cue) return withoutCue(r);
  const m = meaning(cue)!;
  if (m.vague) {
    // "reduced from 90 ms to 30 ms, a 3x improvement": the vague word comments on the measurement before
    const compared = comparesMeasurement(r);
    if (compared) return compared;
  }
  if (m.category !== 'quality' && WITHIN.test(r.before) && r.sentenceMetrics.length) {
    // "within 0.5% of a larger model": the words after "of" name the reference; the metric is the sentence's
    return qualityDecision(r.sentenceMetrics.filter((x) => x.end <= q.start).at(-1) ?? r.sentenceMetrics[0], null, r);
  }
  const dir = directionOf(w, cue, BY_CHANGE.test(r.lead));
  if (m.category === 'quality') return qualityDecision(cue, dir, r);
  if (q.form === 'points') return null;
  return shareOfWhole(cue, m.category, m.scale as Scale, dir, r) ?? resourceDecision(m.category, m.scale as Scale, dir, r, cue);
}

/** No cue names what the figure measures: it may still continue the previous claim, or be a bare factor. */
function withoutCue(r: Reading): Decision | null {
  const { q, window: w, previous } = r;
  const dir = directionOf(w, null);
  const compared = comparesMeasurement(r);
  if (compared) return compared;
  if (previous?.metricCue && dir && APPOSITION.test(r.lead) && (previous.kind === 'quality_value' || previous.kind === 'quality_delta')) {
    // "an error rate of 4.1%, a 12% relative reduction": the change of the metric just reported
    return qualityDecision(previous.metricCue, dir, r);
  }
  if (previous && dir && q.form !== 'bare' && previous.kind !== 'measurement' && previous.kind !== 'quality_value') {
    // "X saves 60% of the memory while rival methods save 20% of it": same statement, same measure
    return previous;
  }
  if (q.form === 'factor' && !q.wordy && q.unit !== 'times') return { kind: 'speedup', relation: 'factor', metricCue: null };
  return unnamedQuality(r);
}

/** "40 tok/s on 8 GPUs, 2.5x higher than the reference": a figure in apposition compares the measurement before it. */
function comparesMeasurement(r: Reading): Decision | null {
  if (r.previous?.kind !== 'measurement' || !APPOSITION.test(r.lead)) return null;
  if (r.q.form === 'percent' && OF_WHOLE.test(r.after)) return { kind: 'measurement', relation: 'share', metricCue: r.previous.metricCue }; // "400 TFLOPS, 60% of the peak"
  const measured = measuredCategory(r.previousUnit);
  return measured ? resourceDecision(measured.category, measured.scale, directionOf(r.window, null), r, r.previous.metricCue) : null;
}

/**
 * Factor words ("twice", "half", "four times", "an order of magnitude") are
 * common outside results; they count only right next to their cue, and not
 * when capitalized inside a sentence (part of a name: "Double Sampling").
 */
function wordFactorFits(r: Reading, cue: CueHit | null): boolean {
  if (!cue) return false;
  if (/^[A-Z]/.test(r.written) && /\S/.test(r.before)) return false;
  return cue.start >= r.q.end ? cue.start - r.q.end <= 30 : r.q.start - cue.end <= 30;
}
