// Speed and efficiency claims: factors of time or of a resource, and shares of a whole.
import { readUnit, type Relation } from '@claimflow/units';
import type { Category, Direction } from '../../lexicon/cues.js';
import type { CueHit } from '../../lexicon/nlp.js';
import { AT, CHANGE_NOUN_OF, IS_ONLY_SHARE, OF_WHOLE, ONLY, reachesTo, VALUE_LEAD } from '../phrasing.js';
import { has, textSince, type Decision, type Reading } from './reading.js';

/** rate: higher is better (speed, throughput, efficiency); cost: lower is better (latency, memory). */
export type Scale = 'rate' | 'cost';

export function resourceDecision(category: Category, scale: Scale, dir: Direction | null, r: Reading, metricCue: CueHit | null): Decision | null {
  const relation = resourceRelation(scale, dir, r, metricCue);
  return relation ? { kind: category === 'speed' ? 'speedup' : 'efficiency', relation, metricCue } : null;
}

function resourceRelation(scale: Scale, dir: Direction | null, r: Reading, measure: CueHit | null): Relation | null {
  const worse = dir === 'bad' || (scale === 'rate' && dir === 'down') || (scale === 'cost' && dir === 'up');
  switch (r.q.form) {
    case 'factor':
      return worse ? 'factor-worse' : 'factor';
    case 'percent':
      // "overhead drops from 18% to 2% of training time": an overhead added is the overhead left, a cost, not a share kept
      if (measure?.tag === 'Overhead' && dir === 'up') return 'costlier';
      if (isShareOfResource(r)) return 'to-share';
      // "reduces the annotation cost to 50%": a cost cut to a share; "raises utilization to 85%": a level (see shareOfWhole)
      if (reachesTo(r.lead)) return dir === 'down' && scale === 'cost' ? 'to-share' : null;
      if (!dir) return null; // "40% computation": a share, not a change
      if (worse) return 'costlier';
      return scale === 'rate' ? 'more' : 'less';
    case 'fraction': // "1/8 of the parameters", "in a third of the time": the share of the resource spent
      return worse || !spendsTheShare(r) ? null : 'fraction-of';
    case 'bare': {
      const m = CHANGE_NOUN_OF.exec(r.lead);
      if (!m || r.q.value == null) return null;
      return /reduction|saving/i.test(m[1]) && r.q.value < 1 ? 'fraction-less' : 'factor';
    }
    default:
      return null;
  }
}

/** "uses only 10% of the parameters", "keeps just 4% of the features", "reduced to 25% of the original", "at 5% of the cost", "is only 40% of the size". */
function isShareOfResource(r: Reading): boolean {
  if (THE_MEASURE_OF.test(r.after)) return true;
  if (!OF_WHOLE.test(r.after)) return false;
  return reachesTo(r.lead) || AT.test(r.lead) || (IS_ONLY_SHARE.test(r.lead) && !OF_A_TOTAL.test(r.after)) || (ONLY.test(r.lead) && (has(r.window.clause, 'UseVerb') || has(r.window.clause, 'RetainVerb'))) || usedDirectly(r);
}

/** "40% the size of X", "10% the memory footprint of": a share in the form that can only be one. */
const THE_MEASURE_OF = /^\s*the\s+(?:[\w-]+\s+)?(?:size|cost|memory|compute|parameters|footprint|latency|energy|flops|storage|bandwidth)\s+of\b/i;

/** "only 30% of the total runtime": a part of a whole the work still spends, not a share kept of a reference. */
const OF_A_TOTAL = /^\s*of\s+(?:the\s+|its\s+|their\s+)?(?:total|overall|entire|whole|end-to-end)\b/i;

/** "Selecting 10% of the data", "trains on 35% of the pairs", "fine-tunes with 5% of the labels": a verb of use governs the share. */
function usedDirectly(r: Reading): boolean {
  const verb = r.window.clause.find((h) => h.tag === 'UseVerb');
  if (!verb || verb.end > r.q.start) return false;
  const gap = textSince(r, verb.end);
  return /^\s*(?:on\s+|with\s+)?$/i.test(gap);
}

/** A share of a resource is a saving only when spent: "uses 1/8 of", "at a quarter of the cost", not "flags a quarter of the pairs". */
function spendsTheShare(r: Reading): boolean {
  return SPENDS.test(r.lead) || has(r.window.clause, 'UseVerb') || ONLY.test(r.lead) || has(r.window.left, 'Smaller') || has(r.window.left, 'Down');
}
const SPENDS = /\b(?:at|in|with|to|within|for|only|just|uses?|using|needs?|needing|requires?|requiring|consumes?|takes?|costs?|spends?)\s+(?:about\s+|roughly\s+|around\s+|nearly\s+|less than\s+|under\s+)?$/i;

/** What is measured as a share of a whole rather than changed. */
const SHARE_NOUNS = /memory|energy|compute|flops|cost|bandwidth|utilization/;

/**
 * A percentage that is a level, not a change: "40% of end-to-end latency",
 * "30% impact on throughput", "raises GPU utilization to 85%".
 */
export function shareOfWhole(cue: CueHit, category: Category, scale: Scale, dir: Direction | null, r: Reading): Decision | null {
  if (r.q.form !== 'percent' || isShareOfResource(r)) return null;
  if (dir === 'down' && scale === 'cost' && reachesTo(r.lead)) return null; // "reduces the cost to 50%": a saving (resourceRelation)
  const share: Decision = { kind: 'measurement', relation: 'share', metricCue: cue };
  // "raises utilization to 85%", "a throughput of 61% of the peak"
  if (cue.end <= r.q.start && (reachesTo(r.lead) || (/\bof\s+$/.test(r.lead) && OF_WHOLE.test(r.after)))) return share;
  // "cache hit rates reach 89%", "a utilization of 85%": a level of a rate named before the number
  if (!dir && scale === 'rate' && category === 'efficiency' && cue.end <= r.q.start && r.q.start - cue.end < 25 && VALUE_LEAD.test(r.lead)) return share;
  // "89% scaling efficiency", "85% GPU utilization", "65% model FLOPs utilization": a level of a rate named right after the number
  if (!dir && scale === 'rate' && category === 'efficiency' && cue.start >= r.q.end && /^\s*(?:[\w-]+\s+){0,2}$/.test(r.after.slice(0, cue.start - r.q.end))) return share;
  // not "64% of the time", which says how often
  const ofWhole = !dir && cue.start >= r.q.end && /^\s*(?:of|impact on)\s(?!the time\b)/.test(r.after);
  return ofWhole && (category === 'speed' || SHARE_NOUNS.test(cue.normal)) ? share : null;
}

/**
 * An overhead is time the work adds, so its figure is a cost ("incurs a 3.8%
 * runtime overhead"), unless a word of reduction before the overhead makes the
 * figure a saving of it: a verb ("reduces the scheduling overhead by 40%"; not
 * "to 5%", which is the overhead left) or a comparative ("40% less overhead
 * than X"). An overhead of a resource ("memory overhead") is a cue of that
 * resource (cues.ts).
 */
export function overheadDirection(cue: CueHit, r: Reading): Direction | null {
  if (cue.tag !== 'Overhead') return null;
  const reduces = (h: CueHit) => h.tag === 'Down' && h.end <= cue.start && REDUCING.test(h.normal);
  return !reachesTo(r.lead) && (r.window.clause.some(reduces) || r.window.right.some(reduces)) ? 'down' : 'up';
}
const REDUCING = /(?:s|ed)$|^(?:cut|reduce|lower|trim|halve|less|smaller)$/;

/** What a measurement unit measures, to compare with it: throughput is a rate, latency and memory are costs. */
export function measuredCategory(unit: string | null): { category: Category; scale: Scale } | null {
  const canonical = unit ? readUnit(unit)?.unit : undefined;
  if (!canonical) return null;
  if (canonical === 'fps' || canonical === 'tok/s' || canonical === 'FLOP/s') return { category: 'speed', scale: 'rate' };
  if (canonical === 's') return { category: 'speed', scale: 'cost' };
  return { category: 'efficiency', scale: 'cost' };
}
