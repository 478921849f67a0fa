import { describe, expect, it } from 'vitest';
import { claimsOf, onlyClaim } from './helpers.js';

describe('measurements', () => {
  it.each([
    ['The detector runs at 52 frames per second.', 52, 'fps'],
    ['The detector runs at 52 FPS.', 52, 'fps'],
    ['The compressed model takes 1.5 MB.', 1.5e6, 'B'],
    ['The index needs 3 GiB of memory.', 3 * 1024 ** 3, 'B'],
    ['Each query takes 4 ms.', 0.004, 's'],
    ['Training finishes in 2 days.', 172800, 's'],
    ['The decoder generates 95 tokens/s on a laptop.', 95, 'tok/s'],
    ['The model has only 3.1M parameters.', 3.1e6, 'params'],
    ['A forward pass needs 0.6 GFLOPs.', 0.6e9, 'FLOPs'],
    ['The kernel sustains 0.9 petaFLOPs/second in BF16.', 0.9e15, 'FLOP/s'],
    ['The full run costs 40 GPU-hours.', 40, 'GPUh'],
    ['One inference consumes 2.5 J.', 2.5, 'J'],
    ['Training costs $1,200 in total.', 1200, 'USD'],
    ['Our engine sustains 2.5K tokens/s on one GPU.', 2500, 'tok/s'],
    ['Our engine sustains 80 tok/sec on one GPU.', 80, 'tok/s'],
    ['The full run costs 40 A100-hours.', 40, 'GPUh'],
    ['The full run costs 12 H100 GPU hours.', 12, 'GPUh'],
  ])('%s', (sentence, value, unit) => {
    const c = onlyClaim(sentence);
    expect(c.kind).toBe('measurement');
    expect(c.value).toBeCloseTo(value as number, 6);
    expect(c.unit).toBe(unit);
  });

  it('with no word naming it, a measurement measures what its unit does, however the unit is spelled', () => {
    expect(onlyClaim('Each query returns in 35 msec.')).toMatchObject({ value: 0.035, unit: 's', metric: 'time' });
    expect(onlyClaim('The tracker runs at 31 frame/s.')).toMatchObject({ value: 31, unit: 'fps', metric: 'FPS' });
    expect(onlyClaim('The full run costs 40 A100-hours.')).toMatchObject({ metric: 'GPU hours' });
    // near miss: a word before the figure still names it
    expect(onlyClaim('The search cost is 40 A100-hours.')).toMatchObject({ metric: 'search cost' });
  });

  it('a share of a whole is a measurement in %', () => {
    expect(onlyClaim('Decoding accounts for up to 60% of end-to-end latency.')).toMatchObject({ kind: 'measurement', value: 60, unit: '%', qualifier: 'upper_bound' });
  });

  it('an absolute saving is a measurement of the saving', () => {
    expect(onlyClaim('Each request is 15 ms faster.')).toMatchObject({ kind: 'measurement', value: 0.015, unit: 's' });
  });

  it('members of a list take the counted unit its last member names', () => {
    const claims = claimsOf('Our three variants reach their accuracy with 21.4M, 46.9M, and 90.2M parameters, respectively.');
    expect(claims.map((c) => [c.kind, c.value, c.unit])).toEqual([
      ['measurement', 21.4e6, 'params'], ['measurement', 46.9e6, 'params'], ['measurement', 90.2e6, 'params'],
    ]);
    // near miss: a size glued to a name, with no counted unit after the list, stays a name
    expect(claimsOf('We fine-tune Qwen 7B and Mistral 12B on the new data.')).toEqual([]);
  });

  it('a glued thousand or million multiplies a rate, not a corpus size', () => {
    expect(claimsOf('We present Lynx. Lynx decodes 1.2M tokens per second on 64 GPUs.').map((c) => [c.value, c.unit])).toEqual([[1.2e6, 'tok/s']]);
    expect(claimsOf('We present Lynx. Lynx is pretrained on 2T tokens.')).toEqual([]);
  });

  it('names a measurement by the measure noun before it, without the verb ("it reduces latency from X to Y")', () => {
    expect(onlyClaim('It reduces latency from 120 ms to 45 ms.')).toMatchObject({ kind: 'measurement', value: 0.045, metric: 'latency' });
    expect(onlyClaim('It cuts the peak GPU memory to 12 GB.')).toMatchObject({ metric: 'peak GPU memory' });
    expect(onlyClaim('Peak memory drops from 80 GB to 23 GB with our optimizer.')).toMatchObject({ value: 23e9, metric: 'Peak memory' });
  });

  it('a length or level glued to its number reads as one written apart ("0.28m", "1.2dB")', () => {
    expect(onlyClaim('Our tracker lowers the trajectory error to 0.28m on the test route.')).toMatchObject({ text: '0.28m', kind: 'quality_value', value: 0.28, unit: 'abs' });
    expect(onlyClaim('Our denoiser improves PSNR by 1.2dB over the baseline.')).toMatchObject({ text: '1.2dB', kind: 'quality_delta', value: 1.2, unit: 'abs' });
    // near misses: a lower-case million before a count, and a size in a configuration
    expect(claimsOf('The model has 1.5m parameters and is trained on 20m tokens.')).toEqual([]);
  });

  it('a hyphenated unit is a configuration', () => {
    expect(claimsOf('We store 32-byte codes and 8-bit weights.')).toEqual([]);
  });
});
