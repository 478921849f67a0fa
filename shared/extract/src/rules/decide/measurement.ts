// Measurements: an absolute figure with a unit, unless it describes the setup.
import { readUnit } from '@claimflow/units';
import { has, isSpecific, type Decision, type Reading } from './reading.js';

/** "on a single 24GB GPU", "an 80 GB A100": memory that names the hardware, not a result. */
function isHardwareSpec(r: Reading): boolean {
  if (readUnit(r.q.unit)?.unit !== 'B') return false;
  const namesDevice = /^\s*(?:[A-Z][\w-]*\d\w*|GPUs?|cards?|devices?|nodes?|accelerators?)\b/.test(r.after);
  return namesDevice && (/\b(?:a|an|one|single|each|per)\s+(?:single\s+)?$/i.test(r.lead) || /\b[A-Z]+\d+\w*\s+$/.test(r.lead));
}

export function measurementDecision(r: Reading): Decision | null {
  const { q, window: w } = r;
  if (has(w.left, 'ScopeNoun')) return null; // "3,000 experiments for 9,000 GPU hours"
  if (/^\s*(?:[\w-]+\s+)?(?:of\s+)?(?:audio|speech|video|text|data|recordings)\b/i.test(r.after)) return null; // "10k hours of audio"
  if (/parameters|params/.test(q.unit) && !/\b(?:only|just|merely|mere|as few as)\s+(?:about\s+|around\s+|roughly\s+)?$/i.test(r.before)) {
    return null; // a parameter count is a configuration unless it is the point ("with only 3.1M parameters")
  }
  if (w.right.slice(0, 2).some((h) => h.tag === 'SetupNoun')) return null;
  if (isHardwareSpec(r)) return null;
  // what is measured: a cue right after the figure ("40ms latency") or naming it ("model size of 1.5 MB")
  const after = w.right.find((h) => isSpecific(h) && h.start - q.end <= 12);
  const before = w.left.find((h) => isSpecific(h) && q.start - h.end <= 25 && /\b(?:of|is|was|:|=|reaches|achieves)\s+(?:\w+\s+)?$/i.test(r.lead));
  return { kind: 'measurement', relation: 'value', metricCue: after ?? before ?? null };
}
