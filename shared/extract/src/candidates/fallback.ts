// The plainest reading of a figure as a claim of a given kind, for when the
// decision model chooses a kind the cascade did not propose. It reads the same
// cues the cascade does (category, direction, metric) but tries no phrasing:
// a factor is a factor, a percent change goes the way its direction word says.
import type { ClaimKind } from '@claimflow/schemas';
import { readUnit } from '@claimflow/units';
import type { CueHit } from '../lexicon/nlp.js';
import { BY_CHANGE, OF_WHOLE } from '../rules/phrasing.js';
import { relativeIfSaid } from '../rules/decide/index.js';
import { categoryCue, directionOf, lowerIsBetter, meaning, type Decision, type Reading } from '../rules/decide/reading.js';

const SPEED_OR_RESOURCE: Record<'speedup' | 'efficiency', 'speed' | 'efficiency'> = { speedup: 'speed', efficiency: 'efficiency' };

export function plainDecision(kind: ClaimKind, r: Reading): Decision | null {
  const { q, window: w } = r;
  const cue = categoryCue(w);
  const dir = directionOf(w, cue, BY_CHANGE.test(r.lead));
  switch (kind) {
    case 'speedup':
    case 'efficiency': {
      const metricCue = cue && meaning(cue)?.category === SPEED_OR_RESOURCE[kind] ? cue : null;
      if (q.form === 'fraction') return { kind, relation: 'fraction-of', metricCue };
      if (q.form === 'factor') return { kind, relation: w.right.some((h) => h.tag === 'Slower') ? 'factor-worse' : 'factor', metricCue };
      if (q.form !== 'percent') return null;
      const scale = metricCue ? meaning(metricCue)!.scale : kind === 'efficiency' ? 'cost' : 'rate';
      return { kind, relation: percentChange(scale, dir, OF_WHOLE.test(r.after)), metricCue };
    }
    case 'quality_delta': {
      const metricCue = nearestMetric(r);
      if (q.form === 'factor') return { kind, relation: 'relative-factor', metricCue };
      if (q.form !== 'percent' && q.form !== 'points' && q.form !== 'bare') return null;
      const worse = q.signed ? (q.value ?? 0) < 0 : dir === 'bad' || (dir === 'down') !== (!!metricCue && lowerIsBetter(metricCue));
      return relativeIfSaid({ kind, relation: worse && dir != null ? 'drop' : 'gain', metricCue }, r);
    }
    case 'quality_value':
      if (q.form === 'factor' || q.form === 'fraction') return null;
      return { kind, relation: 'value', metricCue: nearestMetric(r) };
    case 'measurement':
      if (q.form === 'percent') return { kind, relation: 'share', metricCue: cue };
      return q.form === 'measure' && readUnit(q.unit) ? { kind, relation: 'value', metricCue: cue } : null;
  }
}

/** A percent change of a rate or a cost, by its direction word ("30% less memory", "15% higher throughput"). */
function percentChange(scale: string, dir: string | null, share: boolean): string {
  if (share) return 'to-share';
  if (dir === 'bad') return 'costlier';
  if (dir === 'down') return scale === 'rate' ? 'costlier' : 'less';
  if (dir === 'up') return scale === 'cost' ? 'costlier' : 'more';
  if (dir === 'good') return scale === 'cost' ? 'less' : 'more';
  return scale === 'cost' ? 'less' : 'more';
}

/** The sentence's quality metric nearest the figure. */
function nearestMetric(r: Reading): CueHit | null {
  const distance = (m: CueHit) => (m.end <= r.q.start ? r.q.start - m.end : m.start - r.q.end);
  return [...r.sentenceMetrics].sort((a, b) => distance(a) - distance(b))[0] ?? null;
}
