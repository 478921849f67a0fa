// Canonical baselines: what a claim is compared against, so that
// "FlashAttention-2", "FlashAttention2" and "Flash-Attention 2" meet on one key
// and "vanilla PyTorch implementation" on PyTorch. A baseline the lexicon does
// not know keeps its own name when it is written as one (a word with capitals
// or digits inside: "Tiny-YOLO", "FedAvg"); generic ones ("previous methods",
// "the dense baseline") have no key, since they name nothing to compare across
// papers. To add a spelling: add it to its row; to add a name: add a row.
import { Lexicon, type LexiconRow } from './phrase-lexicon.js';
import { settingMentions } from './setting-keys.js';

export const BASELINE_KEYS: LexiconRow[] = [
  // attention kernels and serving systems
  { key: 'FlashAttention', spellings: ['Flash Attention', 'Flash-Attention', 'FlashAttention-1', 'FlashAttention v1', 'FlashAttn'] },
  { key: 'FlashAttention-2', spellings: ['FlashAttention2', 'FlashAttention 2', 'Flash Attention 2', 'Flash-Attention-2', 'Flash-Attention 2', 'FlashAttention v2', 'FA2', 'FA-2'] },
  { key: 'FlashAttention-3', spellings: ['FlashAttention3', 'FlashAttention 3', 'Flash Attention 3', 'FA3', 'FA-3'] },
  { key: 'xFormers', spellings: ['xformers memory-efficient attention'] },
  { key: 'vLLM', spellings: [] },
  { key: 'TensorRT-LLM', spellings: ['TRT-LLM', 'TensorRT LLM'] },
  { key: 'TensorRT', spellings: ['TRT'] },
  { key: 'Hugging Face Transformers', spellings: ['HuggingFace', 'Hugging Face', 'HF Transformers', 'HuggingFace Transformers', 'transformers library'] },
  { key: 'Text Generation Inference', spellings: ['TGI'] },
  { key: 'llama.cpp', spellings: ['llamacpp'] },
  { key: 'DeepSpeed', spellings: ['DeepSpeed-Inference', 'DeepSpeed ZeRO'] },
  { key: 'Megatron-LM', spellings: ['Megatron'] },
  { key: 'FasterTransformer', spellings: ['Faster Transformer'] },
  { key: 'PyTorch', spellings: ['vanilla PyTorch', 'PyTorch eager', 'native PyTorch', 'torch'] },
  { key: 'torch.compile', spellings: ['PyTorch 2 compile', 'TorchInductor', 'Inductor'] },
  { key: 'JAX', spellings: [] },
  { key: 'TensorFlow', spellings: ['TF'] },
  { key: 'cuBLAS', spellings: [] },
  { key: 'cuDNN', spellings: [] },
  { key: 'Triton', spellings: ['Triton implementation', 'OpenAI Triton'] },
  { key: 'FAISS', spellings: ['Faiss'] },
  { key: 'HNSW', spellings: ['hnswlib'] },
  { key: 'Spark', spellings: ['Apache Spark'] },
  // methods and models often compared against
  { key: 'LoRA', spellings: ['low-rank adaptation'] },
  { key: 'QLoRA', spellings: [] },
  { key: 'full fine-tuning', spellings: ['full finetuning', 'full-parameter fine-tuning', 'full model fine-tuning'] },
  { key: 'dense attention', spellings: ['full attention', 'standard attention', 'vanilla attention', 'self-attention', 'self attention', 'softmax attention', 'quadratic attention'] },
  { key: 'FedAvg', spellings: ['Federated Averaging'] },
  { key: 'RAG', spellings: ['retrieval-augmented generation', 'standard RAG', 'vanilla RAG'] },
  { key: 'speculative decoding', spellings: ['standard speculative decoding'] },
  { key: 'autoregressive decoding', spellings: ['autoregressive generation', 'standard decoding', 'greedy decoding'] },
  { key: 'GPTQ', spellings: [] },
  { key: 'AWQ', spellings: [] },
  { key: 'SmoothQuant', spellings: [] },
  { key: 'MobileNetV2', spellings: ['MobileNet-V2', 'MobileNet V2'] },
  { key: 'MobileNetV3', spellings: ['MobileNet-V3', 'MobileNet V3'] },
  { key: 'NASNet', spellings: ['NASNet-A'] },
  { key: 'EfficientNet', spellings: [] },
  { key: 'ResNet-50', spellings: ['ResNet50'] },
  { key: 'YOLO', spellings: ['YOLOv3', 'YOLOv5', 'YOLOv8'] },
  { key: 'Tiny-YOLO', spellings: ['TinyYOLO', 'YOLO-tiny', 'Tiny YOLO'] },
  { key: 'DINO', spellings: ['DINO-R50', 'DINO-4scale'] },
  { key: 'DETR', spellings: ['Deformable DETR'] },
  { key: 'Transformer', spellings: ['Transformers', 'vanilla Transformer', 'standard Transformer'] },
  { key: 'BERT', spellings: ['BERT-base', 'BERT-large'] },
  // Distinct models stay distinct: GPT-4o is not GPT-4.
  { key: 'GPT-4', spellings: ['GPT4'] },
  { key: 'GPT-4o', spellings: ['GPT4o', 'GPT-4 Omni'] },
  { key: 'GPT-3.5', spellings: ['ChatGPT', 'GPT-3.5-turbo'] },
  { key: 'Mistral-7B', spellings: ['Mistral 7B'] },
  { key: 'Llama 2', spellings: ['Llama-2', 'LLaMA-2', 'Llama2'] },
  { key: 'MLPerf', spellings: ['MLPerf record'] },
  { key: 'NumPy', spellings: [] },
  { key: 'SciPy', spellings: [] },
  { key: 'scikit-learn', spellings: ['sklearn'] },
  { key: 'XGBoost', spellings: [] },
  { key: 'ROCKET', spellings: ['MiniROCKET'] },
  { key: 'IVF', spellings: ['IVF index'] },
];

/** Words that say what the baseline is, not which: "the", "standard", "baseline", ... */
const FILLER = new Set(
  'the a an our their its this that these those standard vanilla original conventional existing prior previous state of art sota soa competing default baseline baselines model models method methods approach approaches implementation implementations counterpart counterparts solution solutions system systems work works technique techniques version recipe recipes best same similar other'.split(' '),
);

const LEXICON = new Lexicon(BASELINE_KEYS);

/**
 * Words written like names that name no method, model, system or library: units and
 * number formats (FP16, INT8, FLOPs, KV), generic nouns in capitals (LLMs, CNNs, GPUs,
 * 3D), and dataset families without their variant (CIFAR). A baseline key is never one.
 */
const NOT_NAMES = new RegExp(
  '^(?:(?:FP|BF|INT|UINT|TF|MX)\\d+|\\d+-?(?:bit|b|k|m|x|d)|[GTMPK]?FLOPS?|[GTMPK]?MACs?|KV|[KMGT]i?B|ms|fps|'
    + '(?:LL|VL|ML|S)?Ms?|LLMs?|MLLMs?|VLMs?|[DCRG]NNs?|GPUs?|CPUs?|TPUs?|NPUs?|ASICs?|FPGAs?|SOTA|AI|ML|NLP|CV|RL|API|SQL|MoE|CIFAR|ImageNet|COCO)$',
  'i',
);

/** A word written as a name: a capital after its first letter, or letters and digits ("FedAvg", "YOLO", "R50"); never a unit, format or generic noun. */
const isNameWord = (word: string) => {
  const w = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (!/\p{L}/u.test(w) || FILLER.has(w.toLowerCase()) || NOT_NAMES.test(w)) return false;
  // a dataset, benchmark or hardware named alone is the setting, not the baseline
  if (settingMentions(w).some((m) => m.category !== 'model' && m.offset === 0)) return false;
  return /^.+\p{Lu}/u.test(w) || (/\p{N}/u.test(w) && /\p{L}/u.test(w) && !/^\d+-?(bit|b|k|m)$/i.test(w));
};

/** The canonical name of a baseline ("FlashAttention2" → FlashAttention-2), or null for a generic one. */
export function baselineKey(baseline: string | null | undefined): string | null {
  if (!baseline) return null;
  const known = LEXICON.best(baseline);
  if (known) return known.row.key;
  // Unknown: the first run of name-like words, as written ("Tiny-YOLO", "MobileNetV2+HAQ").
  const tokens = baseline.trim().split(/\s+/);
  const start = tokens.findIndex(isNameWord);
  if (start < 0) return null;
  let end = start + 1;
  while (end < tokens.length && isNameWord(tokens[end])) end++;
  const name = tokens.slice(start, end).join(' ').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}+]+$/gu, '');
  return name.length >= 2 && name.length <= 60 ? name : null;
}
