// 1. Extraction: ms per abstract of extractClaims against compromise's full
// parse and Microsoft's number recognizers, over the same abstracts, in this
// process, with the methods taking turns block by block so drift hits all alike.
// `abstracts`: the corpus to measure (synthetic, or the real sets replicated).
import { median } from './lib/util.mjs';

export async function benchExtraction({ abstracts, runs, progress }) {
  const { extractClaims, EXTRACTOR_VERSION } = await import('@claimflow/extract');
  const { default: nlp } = await import('compromise');
  const { recognizeNumber, recognizePercentage, Culture } = await import('@microsoft/recognizers-text-number');
  const count = abstracts.length;
  const chars = abstracts.reduce((n, a) => n + a.abstract.length, 0);

  // Each method returns how many things it found; summed in the first run, they show each does real work.
  const methods = {
    extractClaims: (a) => extractClaims(a.id, a.abstract).length,
    compromise: (a) => nlp(a.abstract).numbers().get().length,
    recognizers: (a) => recognizeNumber(a.abstract, Culture.English).length + recognizePercentage(a.abstract, Culture.English).length,
  };
  let sink = 0;
  // Methods take turns block by block (25 abstracts, rotating order): each block is long
  // enough to run warm, as a worker does, and short enough that a change in outside load
  // during a run hits all three alike, so their ratio stays fair.
  const BLOCK = 25;
  const names = Object.keys(methods);
  const perRun = Object.fromEntries(names.map((k) => [k, []]));
  const found = Object.fromEntries(names.map((k) => [k, 0]));
  // A first pass over the corpus is the warm-up, timed but left out of the median: a worker runs for hours, so what
  // counts is the steady state. A warm-up of 30 abstracts was not one: extractClaims' many
  // small functions reach TurboFan only after thousands of calls, and its first pass over
  // 1,000 abstracts ran ~1.7x slower than its fifth (compromise's runs were flat). Its time is
  // reported as `firstPassMsPerAbstract`, so a slow start stays visible.
  const firstPass = {};
  for (let run = -1; run < runs; run++) {
    progress?.update(run < 0 ? `warm-up pass: ${names.join(', ')} over ${count} abstracts` : `run ${run + 1}/${runs}: ${names.join(', ')} over ${count} abstracts`, (run + 1) / (runs + 1));
    const total = Object.fromEntries(names.map((k) => [k, 0]));
    for (let b = 0; b * BLOCK < count; b++) {
      const block = abstracts.slice(b * BLOCK, (b + 1) * BLOCK);
      for (let j = 0; j < names.length; j++) {
        const name = names[(b + run + 1 + j) % names.length];
        const fn = methods[name];
        let n = 0;
        const t0 = performance.now();
        for (const a of block) n += fn(a);
        total[name] += performance.now() - t0;
        if (run < 0) found[name] += n;
        sink += n;
      }
    }
    for (const name of names) (run < 0 ? (firstPass[name] = total[name] / count) : perRun[name].push(total[name] / count));
  }
  const counts = { claims: found.extractClaims, compromiseNumbers: found.compromise, recognizerHits: found.recognizers };
  const ms = Object.fromEntries(Object.entries(perRun).map(([k, v]) => [k, median(v)]));
  return {
    extractorVersion: EXTRACTOR_VERSION,
    abstracts: count,
    meanChars: Math.round(chars / count),
    runs,
    msPerAbstract: ms,
    firstPassMsPerAbstract: firstPass,
    perRun,
    counts,
    ratios: {
      vsCompromise: ms.compromise / ms.extractClaims,
      vsRecognizers: ms.recognizers / ms.extractClaims,
    },
    sink,
  };
}
