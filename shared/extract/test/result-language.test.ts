import { describe, expect, it } from 'vitest';
import { candidatesOf, extractClaims } from '../src/index.js';
import { claimsOf, near, onlyClaim } from './helpers.js';

// Rules added for the language of results beyond the seed abstracts. Each
// block has sentences the rule must read, and near-misses it must not fire on.

describe('parameter counts of the work\'s model', () => {
  it('a count the model has is a measurement', () => {
    expect(onlyClaim('The resulting tagger has 3.4M parameters.')).toMatchObject({ kind: 'measurement', value: 3.4e6, unit: 'params' });
    expect(onlyClaim('Pruning shrinks the network to 1.2B parameters.')).toMatchObject({ kind: 'measurement', value: 1.2e9 });
  });
  it('sizes of the models studied are scope', () => {
    expect(claimsOf('We compare decoders ranging from 1B to 13B parameters.')).toEqual([]);
    expect(claimsOf('Scaling is studied for models with 7B parameters.')).toEqual([]);
    expect(claimsOf('Gains only appear beyond 30B parameters.')).toEqual([]);
  });
});

describe('energy and power units', () => {
  it('reads milli and micro prefixes', () => {
    expect(onlyClaim('Each inference costs 4.5 mJ on the sensor.')).toMatchObject({ kind: 'measurement', unit: 'J' });
    expect(near(onlyClaim('Each inference costs 4.5 mJ on the sensor.').value, 0.0045)).toBe(true);
    expect(near(onlyClaim('The tag draws 7 µW while listening.').value, 7e-6)).toBe(true);
  });
  it('"below" and "under" bound a measurement from above', () => {
    expect(onlyClaim('Average power stays below 40 mW.')).toMatchObject({ unit: 'W', qualifier: 'upper_bound' });
  });
});

describe('rates per unit of time are throughput', () => {
  it('"N times more X per second" is a speedup', () => {
    expect(onlyClaim('The server handles 2.2 times more requests per second than Triton.')).toMatchObject({ kind: 'speedup', value: 2.2 });
    expect(onlyClaim('It labels 5x more images per hour.')).toMatchObject({ kind: 'speedup', value: 5 });
  });
  it('"per hour of" normalizes a resource, it is no rate', () => {
    expect(onlyClaim('Battery drain per hour of video falls by 20%.')).toMatchObject({ kind: 'efficiency' });
  });
});

describe('verbs of change', () => {
  it('"falls", "narrows", "adds" give the direction', () => {
    expect(near(onlyClaim('Peak memory falls by 50%.').value, 2)).toBe(true);
    expect(near(onlyClaim('The profiler adds 10% to run time.').value, 1 / 1.1)).toBe(true);
  });
  it('the verb governing "by N%" wins over a later comparative', () => {
    expect(near(onlyClaim('It cuts storage by 25% without slowing any query by more than 1 ms.').value, 1 / 0.75)).toBe(true);
  });
});

describe('bare changes of a named metric', () => {
  it('"within N of" a reference bounds a change in the metric\'s units', () => {
    expect(onlyClaim('Its validation loss stays within 0.05 of the full model.')).toMatchObject({ kind: 'quality_delta', value: -0.05, unit: 'abs', qualifier: 'upper_bound' });
  });
  it('a lower-is-better metric that rises by a bare figure is a loss', () => {
    expect(onlyClaim('The mean absolute error of the forecaster rises by only 0.4.')).toMatchObject({ kind: 'quality_delta', value: -0.4, unit: 'abs' });
  });
  it('a score of no stated scale changes in its own units, points of it are pp', () => {
    expect(onlyClaim('Tuning raises the AlpacaEval score by 0.8.')).toMatchObject({ kind: 'quality_delta', unit: 'abs' });
    expect(onlyClaim('Tuning raises the AlpacaEval score by 3.1 points.')).toMatchObject({ kind: 'quality_delta', unit: 'pp' });
  });
  it('a bare change too small for points is on the 0-1 scale', () => {
    expect(onlyClaim('It improves AUROC by 0.021 over the baseline.')).toMatchObject({ unit: 'abs', value: 0.021 });
  });
});

describe('quality values named far from the figure', () => {
  it('"the metric on the set is N"', () => {
    expect(onlyClaim('Its macro-F1 on the held-out clinical notes is 72.4.')).toMatchObject({ kind: 'quality_value', value: 72.4, unit: 'abs' });
  });
  it('"<metric> of N <unit noun>" is the metric\'s value', () => {
    expect(onlyClaim('It localizes events with a mean absolute error of 12 meters.')).toMatchObject({ kind: 'quality_value', value: 12 });
    expect(onlyClaim('Picks have a timing residual of 0.03 s.')).toMatchObject({ kind: 'quality_value', value: 0.03, unit: 'abs' });
  });
  it('a bound right after the metric', () => {
    expect(onlyClaim('Clusters are recovered with an ARI above 0.8.')).toMatchObject({ kind: 'quality_value', value: 0.8, qualifier: 'lower_bound' });
  });
  it('"from X to Y" after a verb of change, far from the metric', () => {
    expect(onlyClaim('The tuner raises recall for classes with under fifty examples from 0.42 to 0.61.')).toMatchObject({ kind: 'quality_value', value: 0.61 });
  });
  it('figures side by side are levels', () => {
    expect(onlyClaim('Its F1 is higher, at 81.0% versus 78.6%.')).toMatchObject({ kind: 'quality_value', value: 81 });
    expect(onlyClaim('Retrieval quality is unchanged, nDCG@10 (51.2 vs. 51.4).')).toMatchObject({ kind: 'quality_value', value: 51.2 });
  });
});

describe('success and preference rates', () => {
  it('"wins / closes / flags N% of" is a quality value whatever cue is near', () => {
    expect(onlyClaim('The compute-matched agent wins 61% of its games.')).toMatchObject({ kind: 'quality_value', value: 61, unit: '%' });
    expect(onlyClaim('The filter flags 88% of phishing emails.')).toMatchObject({ kind: 'quality_value', value: 88 });
  });
  it('a preference rate', () => {
    expect(onlyClaim('Readers prefer the edited summaries 70% of the time.')).toMatchObject({ kind: 'quality_value', value: 70 });
  });
  it('"N% of the time" after an ordinary verb is not a claim', () => {
    expect(claimsOf('The planner replans 30% of the time.')).toEqual([]);
  });
});

describe('shares of a resource and of a whole', () => {
  it('a verb of use right before "N% of" the resource', () => {
    expect(onlyClaim('Fine-tuning on 20% of the examples matches full training.')).toMatchObject({ kind: 'efficiency', value: 5 });
  });
  it('"takes / serves N% of" is a share', () => {
    expect(onlyClaim('Compilation takes 3% of the total run.')).toMatchObject({ kind: 'measurement', value: 3, unit: '%' });
  });
  it('a fraction that is not spent is no saving', () => {
    expect(claimsOf('The audit marks a third of the records as stale.')).toEqual([]);
    expect(onlyClaim('It needs a third of the memory.')).toMatchObject({ kind: 'efficiency', value: 3 });
  });
});

describe('larger references', () => {
  it('"a model N times its size" and "with N times as many" size the baseline', () => {
    expect(onlyClaim('It beats a network twice its size.')).toMatchObject({ kind: 'efficiency', value: 2 });
    expect(onlyClaim('It is as accurate as a ResNet with 4 times as many parameters.')).toMatchObject({ kind: 'efficiency', value: 4 });
  });
  it('"N times as many" of one\'s own resource is a cost', () => {
    expect(near(onlyClaim('The solver converges in 1.5 times as many iterations.').value, 1 / 1.5)).toBe(true);
  });
});

describe('continuations and lists', () => {
  it('"and by N points over B" continues the previous change', () => {
    const c = claimsOf('It improves exact match by 2.0 points over A and by 0.7 points over B.');
    expect(c.map((x) => [x.kind, x.value])).toEqual([['quality_delta', 2], ['quality_delta', 0.7]]);
  });
  it('"and on B from X to Y" continues the previous value', () => {
    const c = claimsOf('Accuracy rises from 70.1% to 73.4% on A and from 55.0% to 58.2% on B.');
    expect(c.map((x) => [x.kind, x.value])).toEqual([['quality_value', 73.4], ['quality_value', 58.2]]);
  });
  it('measures and figures paired by "respectively"', () => {
    const c = claimsOf('It lowers latency and energy by 30% and 45%, respectively.');
    expect(c.map((x) => x.kind)).toEqual(['speedup', 'efficiency']);
  });
  it('points with a comparative and no cue are a quality change', () => {
    expect(onlyClaim('The small model scores about 4 points more than the large one.')).toMatchObject({ kind: 'quality_delta', value: 4, unit: 'pp', qualifier: 'approximate' });
  });
  it('an elliptic comparative compares the measure before it', () => {
    expect(onlyClaim('Encryption takes 1.2 million cycles, 30% fewer than the reference code.')).toMatchObject({ kind: 'speedup' });
  });
});

describe('not claims', () => {
  it('dispersion statistics', () => {
    expect(claimsOf('Across seeds, the standard deviation of accuracy is 1.9 points.')).toEqual([]);
  });
  it('operating points', () => {
    expect(claimsOf('Detection is measured at a false alarm rate of 1%.')).toEqual([]);
    expect(onlyClaim('The index answers queries at 90% recall in 2 ms.')).toMatchObject({ text: '2 ms' });
    // the sensitivity a specificity is read at, and the near miss: a sensitivity reached is a result
    // the sensitivity a specificity is read at is an operating point (evidence the model weighs), as a recall is
    const text = 'We screen radiographs. The screen reaches a specificity of 71.3% at a fixed sensitivity of 95%.';
    const why = (figure: string) => candidatesOf(text).find((c) => text.slice(...c.span) === figure)?.dropped;
    expect(why('95%')).toBe('operating-point');
    expect(why('71.3%')).toBeNull();
    expect(claimsOf('The screen reaches a sensitivity of 95% and a specificity of 71.3%.').map((c) => c.text)).toEqual(['95%', '71.3%']);
  });
  it('limits kept in a "without" clause', () => {
    expect(onlyClaim('It saves 15% of energy without delaying jobs by more than 10 minutes.')).toMatchObject({ text: '15%' });
  });
  it('a benchmark\'s findings about the systems it evaluates', () => {
    const text = 'We evaluate 9 commercial translation systems on legal texts. The best system reaches 41.2 BLEU, while the median system scores 30.5.';
    expect(extractClaims('t', text)).toEqual([]);
  });
  it('figures of another system, set against ours later in the sentence', () => {
    const claims = claimsOf('On ImageNet the state-of-the-art ViT-B has a median latency of 529.5 ms, while our TinyViT is 56% faster.');
    expect(claims.map((c) => c.text)).toEqual(['56%']);
    // near miss: the same sentence about our own model keeps its figure
    expect(claimsOf('Our model reaches 81.0% accuracy while our smaller variant is 2x faster.').map((c) => c.text)).toContain('81.0%');
  });

  it('figures of another system after "while the state-of-the-art X", where the sentence named the work first', () => {
    const text = 'At the same latency we reach 84.5% accuracy, while the state-of-the-art BarMerge reaches 81.3%.';
    const why = (t: string, figure: string) => candidatesOf(t).find((c) => t.slice(...c.span) === figure)?.dropped;
    expect(why(text, '81.3%')).toBe('ours-then-other');
    expect(why(text, '84.5%')).toBeNull();
    // near misses: our own figure after the contrast, and a contrast of two other systems
    expect(why('BarMerge reaches 81.3% accuracy, while the state-of-the-art variant of our model reaches 84.5%.', '84.5%')).not.toBe('ours-then-other');
    expect(why('Existing methods reach 81.3% while the baseline reaches 70.1%.', '70.1%')).not.toBe('ours-then-other');
  });
  it('the subject contrasted with "whereas"', () => {
    expect(onlyClaim('Our sampler keeps FID within 0.1 of the teacher, whereas ancestral sampling loses 2.4 points.')).toMatchObject({ text: '0.1' });
  });
  it('counts of cases and shares of cases', () => {
    expect(onlyClaim('It is best on 9 of 12 datasets and 3x faster.')).toMatchObject({ text: '3x' });
    expect(onlyClaim('It is over 5x faster on 80% of the workloads.')).toMatchObject({ text: '5x' });
  });
  it('figures of what is compared against: "instead of", "up from"', () => {
    expect(onlyClaim('Training finishes in 3 hours instead of 20 hours.')).toMatchObject({ text: '3 hours' });
    expect(onlyClaim('Generation is 2.5x faster, up from 1.8x with the old draft.')).toMatchObject({ text: '2.5x' });
  });
  it('data sizes, settings glued to a factor, and rates of simulated time', () => {
    expect(claimsOf('We pretrain on a 300GB web corpus.')).toEqual([]);
    expect(claimsOf('Reads are aligned against a 40x-coverage reference.')).toEqual([]);
    expect(claimsOf('The engine simulates 3.1 ns per day.')).toEqual([]);
  });
  it('a held-fixed measure is a condition, not what changed', () => {
    expect(onlyClaim('It cuts network traffic by 40% at equal accuracy.')).toMatchObject({ kind: 'efficiency' });
  });
});

describe('more result language', () => {
  it('"slows down by N%" is a speed loss', () => {
    expect(near(onlyClaim('Inference slows down by 10%.').value, 1 / 1.1)).toBe(true);
  });
  it('"costing N times less" is a cost saving', () => {
    expect(onlyClaim('It matches the large model while costing 6 times less per query.')).toMatchObject({ kind: 'efficiency', value: 6 });
  });
  it('"recovers / finds N% of" items is a success share, of a quality a retained share', () => {
    expect(onlyClaim('The crawler finds 92% of the broken links.')).toMatchObject({ kind: 'quality_value', value: 92 });
    expect(onlyClaim('The pruned model recovers 97% of the original accuracy.')).toMatchObject({ kind: 'quality_delta', value: -3 });
  });
  it('a rate level named before the figure', () => {
    expect(onlyClaim('Cache hit rates reach 76%.')).toMatchObject({ kind: 'measurement', value: 76, unit: '%' });
  });
  it('not claims: the memory a device has, the inputs handled, what the setup used', () => {
    expect(claimsOf('We target boards with 256 KB of SRAM.')).toEqual([]);
    expect(claimsOf('It supports graphs of up to 40 GB.')).toEqual([]);
    expect(claimsOf('The model is trained on 3x more dialogue data.')).toEqual([]);
  });
});

describe('cases, protocols and schedules', () => {
  it('a success rate over trials', () => {
    expect(onlyClaim('The gripper succeeds in 87% of 200 grasp trials.')).toMatchObject({ kind: 'quality_value', value: 87 });
  });
  it('not claims: cross-validation folds, subsets of cases, schedules, hours of data', () => {
    expect(claimsOf('Results use 10-fold cross-validation.')).toEqual([]);
    expect(onlyClaim('It lifts recall of the hardest 5% of queries by 6.1 points.')).toMatchObject({ text: '6.1 points' });
    expect(claimsOf('The controller replans every 200 ms.')).toEqual([]);
    expect(claimsOf('We record 40 hours of driving in three cities.')).toEqual([]);
    expect(onlyClaim('It saves 3 hours of training per run.')).toMatchObject({ kind: 'measurement' });
  });
  it('a baseline trained on more data sizes the saving', () => {
    expect(onlyClaim('It is as accurate as a tagger trained on 20 times more labels.')).toMatchObject({ kind: 'efficiency', value: 20 });
  });
  it('a verb merged with qualifier words still gives the direction', () => {
    expect(onlyClaim('Top-1 accuracy drops by less than 0.4%.')).toMatchObject({ value: -0.4, qualifier: 'upper_bound' });
  });
});

describe('devices, horizons and spreads', () => {
  it('not claims: the power or memory of the device used, a forecast horizon, a spread', () => {
    expect(claimsOf('It runs on a 30 mW vision chip.')).toEqual([]);
    expect(claimsOf('It forecasts demand 15 minutes ahead.')).toEqual([]);
    expect(claimsOf('Token counts differ by up to 2.7x across languages.')).toEqual([]);
  });
  it('"an improvement of N" after a metric\'s value', () => {
    const c = claimsOf('It reaches an RMSE of 3.1 kelvin, an improvement of 0.6 over persistence.');
    expect(c[1]).toMatchObject({ kind: 'quality_delta', value: 0.6, unit: 'abs', metric: 'RMSE' });
  });
  it('an unnamed rate reached from one level to another is a quality value', () => {
    expect(onlyClaim('The share of unsafe replies falls from 12% to 4%.')).toMatchObject({ kind: 'quality_value', value: 4 });
  });
});

describe('background and comparison lists', () => {
  it('not claims: a concessive clause about others, a bias found, every figure of a compared list', () => {
    expect(claimsOf('Although detectors such as YOLO reach 55 AP on COCO, they miss small objects.')).toEqual([]);
    expect(claimsOf('We show that BLEU overstates fluency gains by 3 points.')).toEqual([]);
    expect(onlyClaim('Its F1 is 0.81, compared with 0.77 for A and 0.79 for B.')).toMatchObject({ text: '0.81' });
  });
  it('"using only N% of" items is a share of what the work needs', () => {
    expect(onlyClaim('Using only 5% of the annotated scans, it matches full supervision.')).toMatchObject({ kind: 'efficiency', value: 20 });
  });
  it('a measure held fixed before the figure', () => {
    expect(onlyClaim('At equal accuracy, the pruned model uses 35% less energy.')).toMatchObject({ kind: 'efficiency' });
  });
});

describe('LaTeX factors', () => {
  it('reads "$\\times$"', () => {
    expect(onlyClaim('Decoding runs 3.5$\\times$ faster.')).toMatchObject({ kind: 'speedup', value: 3.5, text: '3.5$\\times$' });
  });
});
