/*
 * Copyright 2026 The solr-echo authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.solrecho.lm;

import ai.djl.ndarray.NDArray;

/**
 * Where an architecture keeps its tensors and how they map onto the shared decoder blocks, the Java
 * mirror of a transformers modeling file's {@code __init__}s. Each implementation reads one
 * family's names and layouts (fused or separate projections, Conv1D or Linear weights) and hands
 * back the canonical blocks.
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
