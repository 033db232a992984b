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
 * GPT-NeoX / Pythia checkpoints ({@code gpt_neox.layers.N.attention.query_key_value}). The fused
 * projection is interleaved per head ({@code q_h, k_h, v_h}); it is reordered here into {@code [all
 * q; all k; all v]}. LayerNorm with biases, exact GELU, untied {@code embed_out}.
 */
final class GptNeoXLayout implements CheckpointLayout {

  @Override
  public String basePrefix() {
    return "gpt_neox.";
  }

  @Override
  public NDArray tokenEmbedding(TensorSource source) {
    ModelConfig c = source.config();
    return source.load("gpt_neox.embed_in.weight", c.vocabSize(), c.hiddenSize());
  }

  @Override
  public DecoderLayer layer(TensorSource source, int index, RotaryEmbedding rotary) {
    ModelConfig c = source.config();
    long hidden = c.hiddenSize();
    long inner = c.intermediateSize();
    int heads = c.heads();
    int headDim = c.headDim();
    String p = "gpt_neox.layers." + index + ".";
    NDArray fusedWeight =
        source.replace(
            source.load(p + "attention.query_key_value.weight", 3 * hidden, hidden),
            w ->
                w.reshape(heads, 3, headDim, hidden)
                    .transpose(1, 0, 2, 3)
                    .reshape(3 * hidden, hidden));
    NDArray fusedBias =
        c.queryKeyValueBias()
            ? source.replace(
                source.load(p + "attention.query_key_value.bias", 3 * hidden),
                b -> b.reshape(heads, 3, headDim).transpose(1, 0, 2).reshape(3 * hidden))
            : null;
    Attention attention =
        new Attention(
            new Projection(fusedWeight, fusedBias),
            linear(source, p + "attention.dense", hidden, hidden, c.outputBias()),
            null,
            null,
            rotary,
            heads,
            heads,
            headDim);
    FeedForward mlp =
        new PlainFeedForward(
            linear(source, p + "mlp.dense_h_to_4h", inner, hidden, c.mlpBias()),
            linear(source, p + "mlp.dense_4h_to_h", hidden, inner, c.mlpBias()),
            c.activation());
    return new DecoderLayer(
        source.layerNorm(p + "input_layernorm", hidden),
        attention,
        source.layerNorm(p + "post_attention_layernorm", hidden),
        mlp,
        c.parallelResidual());
  }

  private static Projection linear(
      TensorSource source, String prefix, long out, long in, boolean bias) {
    return new Projection(
        source.load(prefix + ".weight", out, in), bias ? source.load(prefix + ".bias", out) : null);
  }

  @Override
  public Norm finalNorm(TensorSource source) {
    return source.layerNorm("gpt_neox.final_layer_norm", source.config().hiddenSize());
  }

  @Override
  public String lmHeadName() {
    return "embed_out.weight";
  }
}
