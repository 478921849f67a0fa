import { describe, expect, it } from 'vitest';
import {
  BASELINE_KEYS, baselineKey, betterDirection, claimKeys, claimKeysCache, KEYS_VERSION, Lexicon, METRIC_KEY_LIST, METRIC_KEYS, metricKey,
  metricKeyInfo, SETTING_KEYS, settingKeysIn,
} from '../src/index.js';

describe('metric keys', () => {
  it('gives compression, model size and the weights\' memory footprint one key', () => {
    for (const m of ['compression', 'compression ratio', 'model size', 'model compression', 'memory footprint of the weights', 'weight memory', 'storage size']) expect(metricKey(m)?.key, m).toBe('model size');
    // the memory a run takes is another resource
    expect(metricKey('peak memory footprint')?.key).toBe('memory');
  });

  it('folds spellings of one metric onto its key', () => {
    for (const m of ['accuracy', 'Top-1 accuracy', 'top-1 eval accuracy', 'average per-task accuracy', 'Acc', 'accuracy drop', 'ImageNet top1 accuracy']) {
      expect(metricKey(m)?.key, m).toBe('accuracy');
    }
    expect(metricKey('top-5 accuracy')?.key).toBe('top-5 accuracy');
    expect(metricKey('box AP')?.key).toBe('AP');
    expect(metricKey('area under the ROC curve')?.key).toBe('AUC');
    expect(metricKey('mAP@0.5')?.key).toBe('AP50');
    expect(metricKey('word error rate')?.key).toBe('word error rate');
    expect(metricKey('WER')?.key).toBe('word error rate');
    expect(metricKey('peak memory footprint')?.key).toBe('memory');
    expect(metricKey('end-to-end latency')?.key).toBe('latency');
    expect(metricKey('test-time compute')?.key).toBe('compute');
    expect(metricKey('number of parameters')?.key).toBe('model size');
  });
  it('has no key for vague or unknown metrics', () => {
    for (const m of ['model quality', 'gains', 'performance', 'features', null, '']) expect(metricKey(m), String(m)).toBeNull();
  });
  it('takes scale and polarity of quality metrics from the metric table', () => {
    expect(metricKeyInfo('accuracy')).toEqual({ key: 'accuracy', scale: 'percent', better: 'higher', perHardware: false });
    expect(metricKeyInfo('latency')?.perHardware).toBe(true);
    expect(metricKeyInfo('perplexity')).toMatchObject({ scale: 'native', better: 'lower' });
    expect(metricKeyInfo('error rate')).toMatchObject({ scale: 'percent', better: 'lower' });
    expect(metricKeyInfo('latency')).toMatchObject({ scale: 'measure', better: 'lower' });
    expect(METRIC_KEY_LIST).toHaveLength(METRIC_KEYS.length);
  });
  it('matches whole words only', () => {
    expect(metricKey('APQ')).toBeNull();
    expect(metricKey('timeline')).toBeNull();
  });
});

describe('setting keys', () => {
  it('folds dataset spellings', () => {
    for (const s of ['ImageNet', 'ImageNet-1k', 'imagenet 1K', 'ILSVRC-12', 'ILSVRC 2012', 'ImageNet classification']) expect(settingKeysIn(s), s).toEqual(['ImageNet']);
    expect(settingKeysIn('ImageNet-21k')).toEqual(['ImageNet-21k']);
    expect(settingKeysIn('CIFAR10')).toEqual(['CIFAR-10']);
    expect(settingKeysIn('NYUD-v2 dataset')).toEqual(['NYUDv2']);
  });
  it('finds hardware and several names in one setting', () => {
    expect(settingKeysIn('A100 80GB')).toEqual(['A100']);
    expect(settingKeysIn('ImageNet-1k on 8 NVIDIA A100 GPUs')).toEqual(['ImageNet', 'A100']);
  });
  it('keeps names that are common words to their written case', () => {
    expect(settingKeysIn('Pixel')).toEqual(['Pixel phone']);
    expect(settingKeysIn('pixel-level labels')).toEqual([]);
    expect(settingKeysIn('PILE')).toEqual(['The Pile']);
    expect(settingKeysIn('a pile of papers')).toEqual([]);
  });
});

describe('baseline keys', () => {
  it('makes spellings of one baseline meet', () => {
    for (const b of ['FlashAttention-2', 'FlashAttention2', 'Flash-Attention 2', 'flash attention 2', 'the FlashAttention-2 kernel']) expect(baselineKey(b), b).toBe('FlashAttention-2');
    expect(baselineKey('FlashAttention')).toBe('FlashAttention');
    expect(baselineKey('vanilla PyTorch implementation')).toBe('PyTorch');
  });
  it('keeps an unknown name as written and drops generic baselines', () => {
    expect(baselineKey('Tiny-YOLO')).toBe('Tiny-YOLO');
    expect(baselineKey('the SuperNet-7 pipeline')).toBe('SuperNet-7');
    for (const b of ['previous methods', 'the dense baseline', 'state-of-the-art solution', 'SoA model', 'existing baselines', null]) expect(baselineKey(b), String(b)).toBeNull();
    // a baseline key names a method, model, system or library: never a unit, number format, dataset, hardware or generic noun
    for (const b of ['FP16', 'the FP16 baseline', 'BF16', 'INT8', '4-bit', 'KV', 'FLOPs', 'GFLOPs', 'CIFAR', 'CIFAR-10', 'ImageNet', 'A100', '3D', 'LLMs', 'CNNs', 'GPUs', 'SOTA']) {
      expect(baselineKey(b), b).toBeNull();
    }
    expect(baselineKey('the FP16 LLaMA-7B model')).toBe('LLaMA-7B');
    // distinct models stay distinct
    expect(baselineKey('GPT-4o')).toBe('GPT-4o');
    expect(baselineKey('GPT-4')).toBe('GPT-4');
    expect(baselineKey('ChatGPT')).toBe('GPT-3.5');
    expect(settingKeysIn('GPT-4o vs GPT-4 on GSM8K')).toEqual(['GPT-4o', 'GPT-4', 'GSM8K']);
  });
});

describe('spelling variants an extractor may produce', () => {
  it('keeps the key when the metric phrase grows or changes case', () => {
    for (const m of ['ImageNet accuracy', 'Top-1 Acc', 'top-1 val. accuracy', 'classification accuracy', 'accuracies', 'mean accuracy', 'zero-shot accuracy']) expect(metricKey(m)?.key, m).toBe('accuracy');
    for (const m of ['p99 latency', 'Latency', 'inference latency per token', 'response time']) expect(metricKey(m)?.key, m).toBe('latency');
    for (const m of ['peak GPU memory', 'memory footprint', 'KV cache size', 'VRAM usage']) expect(metricKey(m)?.key, m).toBe('memory');
    for (const m of ['tokens per second', 'decoding throughput', 'Throughput']) expect(metricKey(m)?.key, m).toBe('throughput');
    expect(metricKey('COCO box AP')?.key).toBe('AP');
    expect(metricKey('validation perplexity')?.key).toBe('perplexity');
  });
  it('keeps the setting when it is written inside a longer phrase', () => {
    for (const s of ['ImageNet-1K validation set', 'the ImageNet benchmark', 'ImageNet (ILSVRC 2012)', 'imagenet']) expect(settingKeysIn(s), s).toEqual(['ImageNet']);
    expect(settingKeysIn('8x NVIDIA A100-80GB GPUs')).toEqual(['A100']);
    expect(settingKeysIn('a single H100 SXM')).toEqual(['H100']);
    expect(settingKeysIn('MS-COCO val2017')).toEqual(['COCO']);
  });
});

describe('claim keys', () => {
  const claim = (over: Partial<Parameters<typeof claimKeys>[0]>) => ({ metric: null, setting: null, baseline: null, sentence: null, text: '', ...over });
  it('adds a dataset the sentence names when the setting names none', () => {
    const s = 'On the ImageNet task our model is 1.8x faster than MobileNetV2 on a Pixel phone with 0.5% higher accuracy.';
    expect(claimKeys(claim({ metric: 'accuracy', setting: 'Pixel', sentence: s, text: '0.5%', baseline: 'MobileNetV2' }))).toEqual({
      metricKey: 'accuracy', settingKeys: ['Pixel phone', 'ImageNet'], baselineKey: 'MobileNetV2',
    });
  });
  it('prefers the setting, takes the mention nearest the number, and never one inside the baseline', () => {
    const s = 'Trained on COCO, it gains 2 AP on Pascal VOC over the ImageNet-pretrained detector.';
    expect(claimKeys(claim({ setting: 'Cityscapes', sentence: s, text: '2 AP' })).settingKeys).toEqual(['Cityscapes']);
    expect(claimKeys(claim({ sentence: s, text: '2 AP' })).settingKeys).toEqual(['Pascal VOC']);
    expect(claimKeys(claim({ sentence: 'It is 3x faster than the A100 kernel.', text: '3x', baseline: 'the A100 kernel' })).settingKeys).toEqual([]);
    expect(claimKeys(claim({ sentence: 'Versus BERT-large on GLUE, +2 points.', text: '+2' })).settingKeys).toEqual(['GLUE']);
  });
});

describe('key tables', () => {
  it('give each spelling one meaning (a clash throws when the table loads)', () => {
    expect(() => new Lexicon([{ key: 'A', spellings: ['x-y'] }, { key: 'B', spellings: ['XY'] }])).toThrow(/both A and B/);
    for (const t of [METRIC_KEYS, SETTING_KEYS, BASELINE_KEYS]) expect(() => new Lexicon(t)).not.toThrow();
  });
  it('have a version that changes with their content', () => {
    expect(KEYS_VERSION).toMatch(/^[0-9a-f]{8}\.\d+$/);
  });
});

describe('ranking direction', () => {
  it('ranks factors and deltas up, resources down, quality values by their metric', () => {
    expect(betterDirection('speedup', 'x', 'latency')).toBe('higher');
    expect(betterDirection('quality_delta', 'abs', 'perplexity')).toBe('higher');
    expect(betterDirection('measurement', 's', 'latency')).toBe('lower');
    expect(betterDirection('measurement', 'tok/s', 'throughput')).toBe('higher');
    expect(betterDirection('quality_value', '%', 'accuracy')).toBe('higher');
    expect(betterDirection('quality_value', 'abs', 'perplexity')).toBe('lower');
    expect(betterDirection('quality_value', '%', 'word error rate')).toBe('lower');
  });
});

describe('claimKeysCache', () => {
  const sentence = 'On ImageNet with 8 A100 GPUs, our ResNet-50 is 2.1x faster than the ViT baseline and 3% more accurate on COCO.';
  const claims = [
    { metric: 'speed', setting: null, baseline: 'ViT', sentence, text: '2.1x' },
    { metric: 'accuracy', setting: null, baseline: 'ViT', sentence, text: '3%' },
    { metric: 'accuracy', setting: 'COCO on a Pixel', baseline: null, sentence, text: '3%' },
    { metric: 'top-1 accuracy', setting: 'ImageNet', baseline: 'ResNet-50', sentence: null, text: '1.2 pp' },
  ];
  it('gives what claimKeys gives, however often a text repeats', () => {
    const keys = claimKeysCache();
    for (const c of [...claims, ...claims]) expect(keys(c)).toEqual(claimKeys(c));
  });
  it('hands out arrays of the caller’s own: changing one changes no later answer', () => {
    const keys = claimKeysCache();
    keys(claims[2]).settingKeys.push('mutated');
    expect(keys(claims[2])).toEqual(claimKeys(claims[2]));
  });
});
