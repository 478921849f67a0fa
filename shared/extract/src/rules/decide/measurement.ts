// Measurements: an absolute figure with a unit, unless it describes the setup.
import { readUnit } from '@claimflow/units';
import { isSpecific, type Decision, type Reading } from './reading.js';

/** "on a 64 mW parallel microcontroller", "a 16 GB edge board": the budget of the device the work runs on. */
function deviceBudget(r: Reading): boolean {
  return /\b(?:a|an|one|single|each|per)\s+$/i.test(r.lead) &&
    /^\s*(?:[\w-]+\s+){0,2}(?:microcontrollers?|MCUs?|chips?|processors?|SoCs?|boards?|GPUs?|devices?|cards?|accelerators?|phones?|sensors?)\b/i.test(r.after);
}

/** "on a single 24GB GPU", "an 80 GB A100": memory that names the hardware, not a result. */
function isHardwareSpec(r: Reading): boolean {
  const unit = readUnit(r.q.unit)?.unit;
  if (unit === 'W' || unit === 'J') return deviceBudget(r);
  if (unit !== 'B') return false;
  if (deviceBudget(r)) return true;
  const namesDevice = /^\s*(?:[A-Z][\w-]*\d\w*|GPUs?|cards?|devices?|nodes?|accelerators?)\b/.test(r.after);
  if (namesDevice && (/\b(?:a|an|one|single|each|per)\s+(?:single\s+)?$/i.test(r.lead) || /\b[A-Z]+\d+\w*\s+$/.test(r.lead))) return true;
  // "on an RTX 3080 Ti of 16GB memory", "a GPU with 24 GB of VRAM": the device named, then its memory
  if (/\b(?:[A-Z]+\s?\d+\w*(?:\s+(?:Ti|Super|Pro|Max|Ultra))?|GPUs?|cards?|devices?)\s+(?:of|with)\s+$/.test(r.lead) && /^\s*(?:of\s+)?(?:memory|RAM|VRAM|HBM)\b/i.test(r.after)) return true;
  // "microcontrollers with 512 KB of RAM": the memory a device has
  return /\b(?:microcontrollers?|MCUs?|devices?|GPUs?|phones?|smartphones?|boards?|chips?|nodes?|machines?|servers?|cards?|laptops?)\s+(?:with|having|of)\s+(?:only\s+|just\s+)?$/i.test(r.before) &&
    /^\s*(?:of\s+)?(?:RAM|memory|VRAM|HBM|SRAM|DRAM|flash|storage)\b/i.test(r.after);
}

/**
 * A parameter count is the work's result when the work's model has it ("It has
 * 0.9M parameters", "reaches 81% with 12M parameters", "shrinks the model to
 * 28B parameters", "with only 3.1M parameters"); not when it sizes the
 * models studied ("a model of 12B parameters", "models with 7B parameters",
 * "beyond 14B parameters", "(0.5B-72B parameters)").
 */
function isOwnParameterCount(r: Reading): boolean {
  if (r.q.value == null) return false; // a range of sizes is the study's scope
  if (/\b(?:only|just|merely|mere|as few as)\s+(?:about\s+|around\s+|roughly\s+)?$/i.test(r.before)) return true;
  if (/\b(?:rang\w*|span\w*|var\w*)\s+from\s+\S+\s+to\s+$|\bbetween\s+\S+\s+and\s+$/i.test(r.before)) return false; // "models ranging from 1B to 70B parameters"
  if (/\([^()]*$/.test(r.before) || /\b(?:models|networks|LLMs|sizes|scales)\s+(?:with|of|at|up to)\s+$/i.test(r.before)) return false;
  return OWN_COUNT_LEAD.test(r.before);
}

/** Verbs of having that make a count the model's own: "has", "with", "requires", "shrinks ... to". */
const OWN_COUNT_LEAD =
  /\b(?:has|have|having|had|with|uses?|using|requires?|requiring|needs?|contains?|containing|totals?|totaling|to|into)\s+(?:about\s+|around\s+|roughly\s+|approximately\s+|fewer than\s+|less than\s+|under\s+)?$/i;

export function measurementDecision(r: Reading): Decision | null {
  const { q, window: w } = r;
  if (w.left.some((h) => h.tag === 'ScopeNoun' && q.start - h.end <= 20)) return null; // "3,000 experiments for 9,000 GPU hours"
  if (/^\s*(?:of\s+)?(?:[\w-]+\s+)?(?:of\s+)?(?:audio|speech|video|text|data|recordings|footage|gameplay|interactions|corpus|corpora|dataset|datasets|collection|crawl|archive)\b/i.test(r.after)) return null; // "10k hours of (untranscribed) audio"
  // "24 hours of continuous signing": an amount of data, unless it is time spent ("3 hours of training")
  if (/^(?:h|hrs|hours?|days?|min|mins|minutes?)$/.test(r.q.unit) && /^\s*of\s+(?!(?:training|compute|computation|processing|search|tuning|simulation|fine-?tuning|pretraining|inference|gpu|cpu|wall|run|work|latency|delay|overhead|downtime|time)\b)[a-z]/i.test(r.after)) return null;
  // "4.7 ns per day": simulated time per wall-clock time is a rate, not a duration
  if (readUnit(r.q.unit)?.unit === 's' && /^\s*(?:per|\/)\s*(?:day|hour|h|minute|min|second|s|week)\b/i.test(r.after)) return null;
  if (/parameters|params/.test(q.unit) && !isOwnParameterCount(r)) return null;
  if (w.right.slice(0, 2).some((h) => h.tag === 'SetupNoun')) return null;
  if (/\b[a-z]{3,}s\s+(?:of\s+)?(?:up to|as large as|as long as)\s+$/i.test(r.before)) return null; // "heaps of up to 256 GB": the inputs handled
  if (isHardwareSpec(r)) return null;
  // what is measured: a cue right after the figure ("40ms latency") or naming it ("model size of 1.5 MB")
  const after = w.right.find((h) => isSpecific(h) && h.start - q.end <= 12);
  const before = w.left.find((h) => isSpecific(h) && q.start - h.end <= 25 && /\b(?:of|is|was|:|=|reaches|achieves)\s+(?:\w+\s+)?$/i.test(r.lead));
  return { kind: 'measurement', relation: 'value', metricCue: after ?? before ?? null };
}
