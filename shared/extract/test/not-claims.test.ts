import { describe, expect, it } from 'vitest';
import { extractClaims } from '../src/index.js';
import { claimsOf, onlyClaim } from './helpers.js';

// Numbers that the contract says are not claims. Each sentence here also holds
// the kind of wording a claim has, so the rule that drops it is what is tested.
describe('not claims', () => {
  it.each([
    ['model names with digits', 'We fine-tune GPT-2, Llama-3.1-8B and ResNet-50 and report higher accuracy.'],
    ['formats and precisions', 'We quantize to FP8 and INT4 with 4-bit weights for faster inference.'],
    ['names glued to digits', 'Our variant of Path-256 and Qwen2.5 is faster than R50.'],
    ['years', 'Since 2012, accuracy on this benchmark improved steadily.'],
    ['citations', 'Prior quantizers [29] lose accuracy [3, 12].'],
    ['section and figure numbers', 'Section 4 shows the speedup in Fig. 3 and Table 2.'],
    ['URLs', 'Code for the faster kernel is at https://example.org/fast2x/v3.'],
    ['top-k as a name', 'We report top-5 accuracy throughout.'],
    ['dimensions', 'A 2x2 kernel is 4x4 cheaper in our notation.'],
    ['device counts', 'We train on 8\u00d7 A100 GPUs and 4x H100 nodes for faster turnaround.'],
    ['image sizes', 'Inputs are resized to 224\u00d7224 for faster inference.'],
    ['study scope', 'We evaluate ten LLMs on eight problems with over 500,000 evaluations.'],
    ['configurations', 'We train with batch size 256 and sequence length 1K for better accuracy.'],
    ['experiment setups', 'At 90% sparsity with a 0.7% KV budget, the model is evaluated for accuracy.'],
    ['a parameter count that names a model', 'A 12B parameters model is trained with lower latency.'],
    ['scope measured in hours', 'We ran over 3,000 experiments for more than 9,000 GPU hours.'],
    ['examples of others', 'Earlier token pruning (e.g., 4-8x fewer tokens) targets small ratios.'],
    ['prior work', 'Previously reported methods only reduce memory by up to 20%.'],
    ['math', 'The bound is O(n^2) and holds for 0<delta<1 with error O(1/T).'],
    ['ratios and fractions', 'We use 0/1 rewards and a 3/4 split.'],
    ['a share without a change', 'We find that over 40% computation goes to padding.'],
    ['a phone model', 'We profile the detector on an iPhone 8 and a Pixel 6 for faster inference.'],
    ['the reduction a comparison is run at', 'Under 4x FLOPs reduction, we compare pruning criteria for accuracy.'],
    ['the compression a comparison is run at', 'At a 2x compression ratio, we compare pruning criteria for accuracy.'],
    ['a level in parentheses', 'The optimizer speeds up tuning of high-fidelity (above 99%) gates.'],
    ['the memory a device is sold with', 'We fine-tune on a single 32GB GPU and serve on 80 GB A100s with lower latency.'],
    ['the memory of a card named with a space', 'We decode on a single 24 GB RTX 4090 with lower latency.'],
    ['counts of trials, episodes and patients', 'The gains hold over 40 trials, 200 episodes and 300 patients with higher accuracy.'],
    ['counts of cases', 'Our agent solves 11 of 14 tasks and 103 out of 112 puzzles with higher accuracy.'],
  ])('%s', (_why, sentence) => {
    expect(claimsOf(sentence)).toEqual([]);
  });

  it('an example that names a result after its figure is a result ("(e.g., 81.2% mAP on X)"), one of a setting is not', () => {
    expect(onlyClaim('We show strong results on the detection sets (e.g., 81.2% mAP on the 2012 split).')).toMatchObject({ kind: 'quality_value', value: 81.2, metric: 'mAP' });
    expect(onlyClaim('Our binary model stays close to full precision (e.g., less than 2% drop on keyword spotting).')).toMatchObject({ kind: 'quality_delta', value: -2 });
    expect(claimsOf('Pruning works at modest ratios (e.g., 5-10x) and small budgets (e.g., 2% of parameters).')).toEqual([]);
  });

  it('near miss: memory a device spends is a measurement, not the device\'s size ("12 GB GPU memory")', () => {
    expect(onlyClaim('Fine-tuning needs only 12 GB GPU memory.')).toMatchObject({ kind: 'measurement', value: 12e9, unit: 'B', metric: 'GPU memory' });
  });

  it('near miss: a rate measured over trials is a claim, the count of trials is not', () => {
    expect(claimsOf('The policy reaches a 90% success rate over 40 trials.').map((c) => c.text)).toEqual(['90%']);
  });

  it('the digits that end a metric\'s name before "of" are no count of cases', () => {
    expect(onlyClaim('It reaches a pass@1 of 64.3 on the coding suite.')).toMatchObject({ kind: 'quality_value', value: 64.3, metric: 'pass@1' });
    expect(onlyClaim('It reaches an mAP@0.5 of 52.1 on the validation split.')).toMatchObject({ kind: 'quality_value', value: 52.1 });
  });

  it('an opening sentence about the field is background', () => {
    expect(extractClaims('p', 'Video models are an order of magnitude slower to train than image models. We fix this.')).toEqual([]);
    expect(extractClaims('p', 'SwiftNet achieves a 3x speedup over dense kernels. It is open source.')).toHaveLength(1);
  });

  it('the version of a named model or benchmark is part of its name ("Llama 3.1", "AlpacaEval 2.0")', () => {
    expect(claimsOf('FooNet improves the win rate of Llama 3.1 on AlpacaEval 2.0.')).toEqual([]);
    expect(claimsOf('The model trained with FooNet outperforms Stable Diffusion 3.5 in FID.')).toEqual([]);
    // near misses: a value after a metric written as a name, and a factor after a version
    expect(onlyClaim('FooNet reaches a Recall 0.8 at one false alarm per hour.')).toMatchObject({ kind: 'quality_value', value: 0.8 });
    expect(onlyClaim('Built on Llama 3.1, FooNet decodes 2.5 times faster.')).toMatchObject({ kind: 'speedup', value: 2.5 });
  });

  it('"the average score" after a verb is its object, not a benchmark finding about "the average" system', () => {
    expect(onlyClaim('FooNet improves the average score by 4.1 across 12 benchmarks.')).toMatchObject({ kind: 'quality_delta', value: 4.1 });
    // near miss: the strongest system evaluated, as a subject, is still the benchmark's finding
    expect(claimsOf('On this benchmark, the best model scores 41% while humans reach 92%.')).toEqual([]);
  });
});
