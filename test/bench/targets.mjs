// Targets of issue 6, and the ratios `--quick` checks for regressions.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const TARGETS = {
  extractVsCompromise: 10, // extractClaims at least 10× faster than compromise's full parse
  e2eAbstractsPerSec: 1000,
  serviceMB: 256,
  redisMB: 512,
};

/**
 * Ratios, not times: each compares two things measured in the same run on
 * the same machine, so they hold across machines. `--quick` fails when one
 * falls below TOLERANCE × its value in baseline.json (recorded with
 * `--quick --update-baseline`), or below its target if the baseline met it.
 */
export const RATIOS = {
  'extract.vsCompromise': { label: 'extractClaims speed vs compromise full parse', target: TARGETS.extractVsCompromise },
  'extract.vsRecognizers': { label: 'extractClaims speed vs recognizers-text number+percentage', target: null },
  'e2e.ofQueueCeiling': { label: 'end-to-end rate / no-op queue chain rate', target: null },
  'scaling.2vs1': { label: 'rate with 2 extractors / rate with 1', target: null },
};
export const TOLERANCE = 0.5;

const BASELINE = new URL('./baseline.json', import.meta.url);

export function ratiosOf(results) {
  const r = {};
  if (results.extraction) {
    r['extract.vsCompromise'] = results.extraction.ratios.vsCompromise;
    r['extract.vsRecognizers'] = results.extraction.ratios.vsRecognizers;
  }
  const e1 = results.scaling?.find((s) => s.extractors === 1);
  const e2 = results.scaling?.find((s) => s.extractors === 2);
  if (e1 && results.noop?.chain) r['e2e.ofQueueCeiling'] = e1.abstractsPerSec / results.noop.chain.abstractsPerSec;
  if (e1 && e2) r['scaling.2vs1'] = e2.abstractsPerSec / e1.abstractsPerSec;
  return r;
}

export function readBaseline() {
  return existsSync(BASELINE) ? JSON.parse(readFileSync(BASELINE, 'utf8')) : null;
}

export function writeBaseline(ratios, meta) {
  writeFileSync(BASELINE, JSON.stringify({ ...meta, ratios }, null, 2) + '\n');
}

/** Each ratio against its floor: [{key, label, value, baseline, floor, ok}]. */
export function checkRatios(ratios, baseline) {
  return Object.entries(RATIOS)
    .filter(([key]) => ratios[key] != null)
    .map(([key, { label, target }]) => {
      const base = baseline?.ratios?.[key] ?? null;
      let floor = base != null ? base * TOLERANCE : null;
      if (target != null && base != null && base >= target * 1.25) floor = Math.max(floor, target);
      return { key, label, value: ratios[key], baseline: base, target, floor, ok: floor == null || ratios[key] >= floor };
    });
}
