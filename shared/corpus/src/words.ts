/**
 * Word lists the templates draw from. Everything here was written for this
 * generator; no sentence comes from a real abstract.
 */

export interface Domain {
  /** What the work is about, as a noun phrase ("long-context language models"). */
  area: string;
  /** What a method does to it ("decoding", "training"). */
  tasks: readonly string[];
  /** Model names, many with digits that are not claims. */
  models: readonly string[];
  datasets: readonly string[];
  /** Quality metrics on a percent scale (accuracy, F1, AP...). */
  percentMetrics: readonly string[];
  /** Quality metrics in their own units where lower is better (perplexity, FID...). */
  lowerMetrics: readonly string[];
  /** Prior methods the work is compared against. */
  baselines: readonly string[];
  /** Problems a background sentence names. */
  problems: readonly string[];
}

export const DOMAINS: readonly Domain[] = [
  {
    area: 'long-context language models',
    tasks: ['decoding', 'prefill', 'inference', 'serving', 'fine-tuning'],
    models: ['GPT-2', 'Llama-2 7B', 'Llama-3.1 8B', 'OPT-1.3B', 'Mistral-7B', 'Pythia-410M', 'T5-XL'],
    datasets: ['WikiText-103', 'C4', 'the Pile', 'LongBench', 'PG-19', 'LAMBADA'],
    percentMetrics: ['accuracy', 'zero-shot accuracy', 'exact match', 'retrieval accuracy'],
    lowerMetrics: ['perplexity', 'validation loss', 'bits per byte'],
    baselines: ['dense attention', 'FlashAttention-2', 'the FP16 baseline', 'standard attention', 'vLLM', 'a sliding-window cache'],
    problems: ['the memory traffic of the key-value cache', 'quadratic attention cost', 'the latency of autoregressive decoding'],
  },
  {
    area: 'image classification',
    tasks: ['training', 'inference', 'distillation', 'pruning', 'quantization'],
    models: ['ResNet-50', 'ViT-B/16', 'DeiT-S', 'MobileNetV3', 'EfficientNet-B0', 'ConvNeXt-T', 'ResNet-18'],
    datasets: ['ImageNet', 'CIFAR-100', 'CIFAR-10', 'ImageNet-21K', 'Places365'],
    percentMetrics: ['top-1 accuracy', 'top-5 accuracy', 'accuracy', 'balanced accuracy'],
    lowerMetrics: ['calibration error', 'cross-entropy loss'],
    baselines: ['the full-precision model', 'magnitude pruning', 'the dense teacher', 'standard fine-tuning', 'knowledge distillation'],
    problems: ['the cost of deploying large backbones', 'the accuracy gap of compact networks', 'brittle low-bit quantization'],
  },
  {
    area: 'object detection',
    tasks: ['inference', 'training', 'post-processing', 'feature fusion'],
    models: ['YOLOv5', 'YOLOv8-S', 'Faster R-CNN', 'RetinaNet', 'DETR', 'Tiny-YOLO', 'SSD300'],
    datasets: ['COCO', 'Pascal VOC', 'the KITTI benchmark', 'LVIS', 'nuScenes'],
    percentMetrics: ['AP', 'mAP', 'AP50', 'recall'],
    lowerMetrics: ['localization error', 'miss rate'],
    baselines: ['Faster R-CNN', 'the anchor-based detector', 'Tiny-YOLO', 'non-maximum suppression', 'the two-stage baseline'],
    problems: ['the cost of dense anchors', 'slow detection on embedded boards', 'small-object recall'],
  },
  {
    area: 'speech recognition',
    tasks: ['streaming recognition', 'feature extraction', 'decoding', 'training'],
    models: ['Whisper-small', 'Conformer-L', 'wav2vec 2.0', 'RNN-T', 'HuBERT-Base'],
    datasets: ['LibriSpeech test-other', 'LibriSpeech test-clean', 'Common Voice', 'TED-LIUM 3', 'Switchboard'],
    percentMetrics: ['word accuracy', 'keyword-spotting accuracy'],
    lowerMetrics: ['word error rate', 'character error rate', 'real-time factor'],
    baselines: ['a log-mel front end', 'the offline model', 'beam search', 'the RNN-T baseline'],
    problems: ['the latency of streaming recognizers', 'the cost of large acoustic models', 'noisy far-field audio'],
  },
  {
    area: 'machine translation',
    tasks: ['decoding', 'training', 'distillation', 'inference'],
    models: ['Transformer-base', 'Transformer-big', 'mBART-50', 'NLLB-200', 'M2M-100'],
    datasets: ["WMT'14 En-De", "WMT'16 En-Ro", 'IWSLT14 De-En', 'FLORES-200'],
    percentMetrics: ['BLEU', 'chrF', 'COMET'],
    lowerMetrics: ['TER', 'validation perplexity'],
    baselines: ['autoregressive decoding', 'the teacher', 'beam search with width 5', 'Transformer-big'],
    problems: ['slow autoregressive decoding', 'low-resource language pairs', 'the size of multilingual models'],
  },
  {
    area: 'recommendation systems',
    tasks: ['training', 'embedding lookup', 'serving', 'ranking'],
    models: ['DLRM', 'DCN-v2', 'DeepFM', 'Wide & Deep', 'SASRec'],
    datasets: ['Criteo', 'MovieLens-20M', 'Avazu', 'Amazon Books', 'Taobao'],
    percentMetrics: ['AUC', 'recall@20', 'NDCG@10', 'hit rate'],
    lowerMetrics: ['log loss', 'normalized entropy'],
    baselines: ['the FP32 embedding tables', 'hashing tricks', 'the production ranker', 'DLRM'],
    problems: ['embedding tables that dominate model size', 'the cost of online serving', 'stale features'],
  },
  {
    area: 'graph neural networks',
    tasks: ['training', 'sampling', 'inference', 'message passing'],
    models: ['GraphSAGE', 'GCN', 'GAT', 'GIN', 'PNA'],
    datasets: ['ogbn-arxiv', 'ogbn-products', 'Reddit', 'Cora', 'PubMed'],
    percentMetrics: ['accuracy', 'micro-F1', 'ROC-AUC', 'Hits@50'],
    lowerMetrics: ['mean absolute error', 'training loss'],
    baselines: ['full-batch training', 'neighbor sampling', 'GraphSAGE', 'the PyG implementation'],
    problems: ['neighborhood explosion', 'memory-bound aggregation', 'irregular access patterns'],
  },
  {
    area: 'image generation',
    tasks: ['sampling', 'training', 'distillation', 'inference'],
    models: ['DiT-XL/2', 'Stable Diffusion 1.5', 'SDXL', 'U-ViT-H/2', 'StyleGAN2'],
    datasets: ['ImageNet 256x256', 'MS-COCO 2017', 'LSUN Bedroom', 'FFHQ', 'CelebA-HQ'],
    percentMetrics: ['precision', 'recall', 'CLIP score accuracy'],
    lowerMetrics: ['FID', 'sFID', 'KID'],
    baselines: ['the 50-step DDIM sampler', 'the teacher model', 'DPM-Solver++', 'classifier-free guidance'],
    problems: ['the many denoising steps of diffusion models', 'slow sampling', 'the memory of high-resolution training'],
  },
];

export const HARDWARE = [
  'a single A100', 'an H100', 'eight A100 GPUs', 'a Jetson Orin', 'a Raspberry Pi 4', 'a laptop CPU', 'an RTX 4090',
  'a TPU v4 pod', 'a Snapdragon 8 Gen 2', 'two V100 GPUs', 'an Apple M2', 'a 64-core Xeon server',
] as const;

export const NAME_HEADS = [
  'Sparse', 'Flash', 'Turbo', 'Lite', 'Quant', 'Hydra', 'Mosaic', 'Tern', 'Swift', 'Lean', 'Prism', 'Cascade',
  'Echo', 'Nimbus', 'Relay', 'Pivot', 'Fold', 'Ember', 'Tidal', 'Vector', 'Orbit', 'Lattice', 'Spark', 'Drift',
] as const;
export const NAME_TAILS = ['KV', 'Former', 'Net', 'Prune', 'Dist', 'Serve', 'Attn', 'Mix', 'Gate', 'Scale', 'Cache', 'Flow', 'Tune', 'Pack'] as const;

export const VERBS_PRESENT = ['present', 'propose', 'introduce', 'describe', 'develop'] as const;
export const METHOD_NOUNS = ['method', 'framework', 'technique', 'system', 'scheme', 'library', 'training recipe', 'kernel'] as const;
export const MECHANISMS = [
  'keeps only the keys that attention visits',
  'shares computation across neighboring layers',
  'routes each token to a small set of experts',
  'learns a low-rank correction for quantized weights',
  'prunes channels with a second-order saliency score',
  'caches intermediate activations on the host',
  'fuses normalization into the preceding matrix multiply',
  'replaces the softmax with a linear kernel',
  'schedules work by expected memory pressure',
  'distills a large teacher into a shallow student',
  'reorders computation to avoid redundant reads',
  'trains a lightweight predictor of the next step',
] as const;

export const COUNT_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve'] as const;

export const SURNAMES = ['Smith', 'Chen', 'Garcia', 'Okafor', 'Novak', 'Tanaka', 'Müller', 'Rossi', 'Kim', 'Singh', 'Dubois', 'Larsen'] as const;

export const TITLE_PATTERNS = [
  '{Name}: {Gerund} {Area} with {Adj} {Thing}',
  '{Adj} {Thing} for {Area}',
  'Towards {Adj} {Task} of {Area}',
  '{Name}: {Adj} {Task} at Scale',
  'On the {Noun} of {Adj} {Task} in {Area}',
  'Rethinking {Task} for {Area}',
  '{Name} — {Adj} {Thing} Without Retraining',
] as const;
export const GERUNDS = ['Accelerating', 'Compressing', 'Trimming', 'Scaling', 'Simplifying', 'Revisiting', 'Streamlining'] as const;
export const ADJECTIVES = ['Efficient', 'Cheap', 'Fast', 'Robust', 'Sparse', 'Adaptive', 'Memory-Light', 'Hardware-Aware', 'Learned', 'Lossless'] as const;
export const THINGS = ['Caches', 'Kernels', 'Experts', 'Quantizers', 'Schedules', 'Students', 'Tokenizers', 'Samplers', 'Embeddings'] as const;
export const NOUNS = ['Limits', 'Cost', 'Stability', 'Benefits', 'Trade-offs'] as const;
