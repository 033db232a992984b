package io.solrecho.lm;

import ai.djl.ndarray.NDArray;

/**
 * Where an architecture keeps its tensors and how they map onto the shared decoder blocks, the Java
 * mirror of a transformers modeling file's {@code __init__}s. Each implementation reads one family's
 * names and layouts (fused or separate projections, Conv1D or Linear weights) and hands back the
 * canonical blocks.
 */
interface CheckpointLayout {

  /** The layout for {@code architecture}. */
  static CheckpointLayout of(Architecture architecture) {
    switch (architecture) {
      case GPT2:
        return new Gpt2Layout();
      case GPT_NEOX:
        return new GptNeoXLayout();
      default:
        return new LlamaFamilyLayout(architecture);
    }
  }

  /** The prefix of base-model tensors ({@code model.}); checkpoints saved without it also load. */
  String basePrefix();

  NDArray tokenEmbedding(TensorSource source);

  /** Learned absolute position embeddings, or null for rotary models. */
  default NDArray positionEmbedding(TensorSource source) {
    return null;
  }

  /** Factor the token embeddings are multiplied by (Gemma: sqrt(hidden)). */
  default float embeddingScale(ModelConfig config) {
    return 1f;
  }

  DecoderLayer layer(TensorSource source, int index, RotaryEmbedding rotary);

  Norm finalNorm(TensorSource source);

  /** Name of the untied LM head weight. */
  String lmHeadName();
}
