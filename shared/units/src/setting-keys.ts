// Canonical settings: the datasets, benchmarks, hardware and models a
// claim's setting names, so "ImageNet-1k", "ILSVRC-12" and "ImageNet" meet on
// ImageNet and "A100 80GB" on A100. To add a spelling: add it to its row; to
// add a name: add a row. Separators and case do not matter ("CIFAR10" is
// "CIFAR-10"), except in `cased` spellings, kept for names that are also
// common words ("Pixel", "Pile"). The longest spelling found wins, so
// "ImageNet-21k" is not ImageNet.
import { Lexicon, type LexiconRow } from './phrase-lexicon.js';

export const SETTING_CATEGORIES = ['dataset', 'benchmark', 'hardware', 'model'] as const;
export type SettingCategory = (typeof SETTING_CATEGORIES)[number];

export interface SettingKeyRow extends LexiconRow {
  category: SettingCategory;
}

const rows = (category: SettingCategory, list: [string, string[], string[]?][]): SettingKeyRow[] =>
  list.map(([key, spellings, cased]) => ({ key, spellings, cased, category }));

export const SETTING_KEYS: SettingKeyRow[] = [
  ...rows('dataset', [
    ['ImageNet', ['ImageNet-1k', 'ImageNet-1K', 'ImageNet1k', 'ILSVRC', 'ILSVRC-12', 'ILSVRC 2012', 'ILSVRC-2012', 'ImageNet-2012', 'IN-1k', 'ImageNet classification']],
    ['ImageNet-21k', ['ImageNet-22k', 'IN-21k', 'IN-22k']],
    ['CIFAR-10', ['CIFAR10']],
    ['CIFAR-100', []],
    ['MNIST', []],
    ['COCO', ['MS COCO', 'MS-COCO', 'MSCOCO', 'COCO 2017', 'COCO val2017', 'COCO test-dev']],
    ['Pascal VOC', ['PASCAL VOC', 'VOC 2007', 'VOC2007', 'VOC 2012', 'VOC2012', 'VOC07', 'VOC12']],
    ['ADE20K', ['ADE-20K', 'ADE 20K']],
    ['Cityscapes', []],
    ['KITTI', []],
    ['NYUDv2', ['NYUD-v2', 'NYU Depth v2', 'NYUv2', 'NYU-Depth V2', 'NYUD']],
    ['Kinetics-400', ['K400', 'Kinetics400', 'Kinetics']],
    ['LibriSpeech', ['Librispeech test-clean', 'LibriSpeech test-other']],
    ['WikiText-103', ['WikiText103', 'WikiText', 'WT103']],
    ['WikiText-2', ['WikiText2', 'WT2']],
    ['The Pile', ['the Pile dataset'], ['PILE', 'Pile']],
    ['C4', []],
    ['OpenWebText', ['OWT']],
    ['SQuAD', ['SQuAD 1.1', 'SQuAD v1.1', 'SQuAD 2.0', 'SQuAD v2']],
    ['WMT14 En-De', ['WMT14 English-German', 'WMT 2014 English-German', 'WMT14 EN-DE', 'WMT\'14 En-De']],
    ['ogbn-products', ['ogbn products']],
    ['ogbn-arxiv', []],
    ['ShareGPT', []],
  ]),
  ...rows('benchmark', [
    ['GSM8K', ['GSM-8K', 'GSM 8K']],
    ['MATH', [], ['MATH']],
    ['MMLU', []],
    ['HumanEval', ['Human-Eval']],
    ['MBPP', []],
    ['MT-Bench', ['MTBench']],
    ['AlpacaEval', ['AlpacaEval 2.0']],
    ['HellaSwag', []],
    ['ARC', [], ['ARC']],
    ['TruthfulQA', []],
    ['BIG-bench', ['BIG-Bench Hard', 'BBH']],
    ['GLUE', ['GLUE benchmark']],
    ['SuperGLUE', []],
    ['Long Range Arena', ['LRA']],
    ['Path-X', ['PathX']],
    ['Path-256', []],
    ['Path-512', []],
    ['LongBench', []],
    ['MLPerf', ['MLPerf Training', 'MLPerf Inference']],
  ]),
  ...rows('hardware', [
    ['A100', ['A100 GPU', 'A100 80GB', 'A100-80GB', 'A100 40GB', 'A100-40GB', 'NVIDIA A100', 'A100s']],
    ['H100', ['H100 GPU', 'H100 80GB', 'NVIDIA H100', 'H100s', 'H100 SXM']],
    ['H200', []],
    ['B200', ['NVIDIA B200']],
    ['V100', ['V100 GPU', 'Tesla V100', 'NVIDIA V100', 'V100s']],
    ['T4', ['T4 GPU', 'Tesla T4', 'NVIDIA T4']],
    ['L4', []],
    ['A10', ['A10G']],
    ['RTX 4090', ['GeForce RTX 4090', 'RTX4090']],
    ['RTX 3090', ['GeForce RTX 3090', 'RTX3090']],
    ['RTX 2080 Ti', ['2080 Ti', '2080Ti']],
    ['TPU v4', ['TPUv4']],
    ['TPU v3', ['TPUv3']],
    ['Pixel phone', ['Pixel 1', 'Pixel 3', 'Pixel 4', 'Pixel 6', 'Google Pixel'], ['Pixel']],
    ['iPhone', []],
    ['Jetson', ['Jetson Nano', 'Jetson TX2', 'Jetson Xavier', 'Jetson Orin', 'Jetson AGX Orin']],
    ['Raspberry Pi', ['RPi']],
    ['Apple M1', ['M1 Max', 'M1 Pro', 'M1 Ultra']],
    ['Apple M2', ['M2 Max', 'M2 Pro', 'M2 Ultra']],
  ]),
  ...rows('model', [
    ['GPT-2', ['GPT2', 'GPT-2 small', 'GPT-2 medium', 'GPT-2 large', 'GPT-2 XL']],
    ['GPT-3', ['GPT3']],
    ['GPT-3.5', ['GPT-3.5-turbo', 'ChatGPT']],
    ['GPT-4', ['GPT4']],
    ['GPT-4o', ['GPT4o']],
    ['BERT-base', ['BERT base', 'BERTbase']],
    ['BERT-large', ['BERT large', 'BERTlarge']],
    ['BERT', []],
    ['RoBERTa', []],
    ['T5', []],
    ['ViT', ['ViT-B', 'ViT-L', 'ViT-B/16', 'ViT-L/16', 'ViT-H', 'Vision Transformer']],
    ['ResNet-50', ['ResNet50', 'R50']],
    ['ResNet-18', ['ResNet18', 'R18']],
    ['ResNet-101', ['ResNet101', 'R101']],
    ['ResNet', []],
    ['AlexNet', []],
    ['MobileNetV2', ['MobileNet-V2', 'MobileNet V2']],
    ['Llama', ['LLaMA', 'LLaMA-7B', 'LLaMA-13B', 'LLaMA-65B']],
    ['Llama 2', ['Llama-2', 'Llama2', 'Llama-2-7B', 'Llama-2-13B', 'Llama-2-70B', 'LLaMA-2']],
    ['Llama 3', ['Llama-3', 'Llama3', 'Llama-3-8B', 'Llama 3.1', 'Llama-3.1']],
    ['Mistral-7B', ['Mistral 7B', 'Mistral']],
    ['Mixtral', ['Mixtral-8x7B', 'Mixtral 8x7B']],
    ['OPT', ['OPT-175B', 'OPT-13B', 'OPT-6.7B'], ['OPT']],
    ['Stable Diffusion', ['SDXL', 'Stable Diffusion XL']],
  ]),
];

const LEXICON = new Lexicon(SETTING_KEYS);
const CATEGORY = new Map(SETTING_KEYS.map((r) => [r.key, r.category]));

/** A setting name found in text, and where (UTF-16 offset). */
export interface SettingMention {
  key: string;
  category: SettingCategory;
  offset: number;
}

/** The canonical settings named in a phrase, in text order, each once. */
export function settingMentions(text: string | null | undefined): SettingMention[] {
  const seen = new Set<string>();
  const out: SettingMention[] = [];
  for (const m of LEXICON.matches(text)) {
    if (seen.has(m.row.key)) continue;
    seen.add(m.row.key);
    out.push({ key: m.row.key, category: m.row.category, offset: m.offset });
  }
  return out;
}

/** The canonical settings a setting names ("ImageNet-1k on 8 A100 80GB" → ImageNet, A100). */
export function settingKeysIn(setting: string | null | undefined): string[] {
  return settingMentions(setting).map((m) => m.key);
}

export function settingCategory(key: string): SettingCategory | null {
  return CATEGORY.get(key) ?? null;
}
