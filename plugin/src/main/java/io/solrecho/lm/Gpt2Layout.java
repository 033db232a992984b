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
 * GPT-2 checkpoints ({@code transformer.h.N.attn.c_attn}): Conv1D weights stored {@code [in, out]}
 * (transposed here), a fused {@code [q | k | v]} attention projection, learned absolute positions,
 * LayerNorm, and {@code n_inner} (null meaning 4 x n_embd) for the MLP.
 */
final class Gpt2Layout implements CheckpointLayout {

  @Override
  public String basePrefix() {
    return "transformer.";
  }

  @Override
  public NDArray tokenEmbedding(TensorSource source) {
    ModelConfig c = source.config();
    return source.load("transformer.wte.weight", c.vocabSize(), c.hiddenSize());
  }

  @Override
  public NDArray positionEmbedding(TensorSource source) {
    ModelConfig c = source.config();
    return source.load("transformer.wpe.weight", c.maxPositions(), c.hiddenSize());
  }

  @Override
  public DecoderLayer layer(TensorSource source, int index, RotaryEmbedding rotary) {
    ModelConfig c = source.config();
    long hidden = c.hiddenSize();
    long inner = c.intermediateSize();
    String p = "transformer.h." + index + ".";
    Attention attention =
        new Attention(
            conv1d(source, p + "attn.c_attn", hidden, 3 * hidden, c.queryKeyValueBias()),
            conv1d(source, p + "attn.c_proj", hidden, hidden, c.outputBias()),
            null,
            null,
            null,
            c.heads(),
            c.heads(),
            c.headDim());
    FeedForward mlp =
        new PlainFeedForward(
            conv1d(source, p + "mlp.c_fc", hidden, inner, c.mlpBias()),
            conv1d(source, p + "mlp.c_proj", inner, hidden, c.mlpBias()),
            c.activation());
    return new DecoderLayer(
        source.layerNorm(p + "ln_1", hidden),
        attention,
        source.layerNorm(p + "ln_2", hidden),
        mlp,
        false);
  }

  private static Projection conv1d(
      TensorSource source, String prefix, long in, long out, boolean bias) {
    return new Projection(
        source.transposed(source.load(prefix + ".weight", in, out)),
        bias ? source.load(prefix + ".bias", out) : null);
  }

  @Override
  public Norm finalNorm(TensorSource source) {
    return source.layerNorm("transformer.ln_f", source.config().hiddenSize());
  }

  @Override
  public String lmHeadName() {
    return "lm_head.weight";
  }
}
