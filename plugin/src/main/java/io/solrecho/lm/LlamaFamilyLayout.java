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
import io.solrecho.lm.Architecture.Trait;

/**
 * Llama-style checkpoints ({@code model.layers.N.self_attn.q_proj} ...): Llama, Mistral, Qwen2
 * (q/k/v biases), Qwen3 (q/k RMSNorm), Gemma ((1+w) RMSNorm, scaled embeddings) and Phi-3 (fused
 * {@code qkv_proj} and {@code gate_up_proj}).
 */
final class LlamaFamilyLayout implements CheckpointLayout {
  private final Architecture architecture;

  LlamaFamilyLayout(Architecture architecture) {
    this.architecture = architecture;
  }

  private boolean has(Trait trait) {
    return architecture.has(trait);
  }

  @Override
  public String basePrefix() {
    return "model.";
  }

  @Override
  public NDArray tokenEmbedding(TensorSource source) {
    ModelConfig c = source.config();
    return source.load("model.embed_tokens.weight", c.vocabSize(), c.hiddenSize());
  }

  @Override
  public float embeddingScale(ModelConfig config) {
    return has(Trait.SCALED_EMBEDDINGS) ? (float) Math.sqrt(config.hiddenSize()) : 1f;
  }

  @Override
  public DecoderLayer layer(TensorSource source, int index, RotaryEmbedding rotary) {
    ModelConfig c = source.config();
    String p = "model.layers." + index + ".";
    boolean oneCentred = has(Trait.ONE_CENTRED_NORM);
    Norm inputNorm = source.rmsNorm(p + "input_layernorm.weight", c.hiddenSize(), oneCentred);
    Norm postNorm =
        source.rmsNorm(p + "post_attention_layernorm.weight", c.hiddenSize(), oneCentred);
    return new DecoderLayer(
        inputNorm,
        attention(source, p + "self_attn.", rotary),
        postNorm,
        feedForward(source, p + "mlp."),
        false);
  }

  private Attention attention(TensorSource source, String p, RotaryEmbedding rotary) {
    ModelConfig c = source.config();
    long hidden = c.hiddenSize();
    long q = (long) c.heads() * c.headDim();
    long kv = (long) c.kvHeads() * c.headDim();
    boolean qkvBias = c.queryKeyValueBias();
    Projection qkv;
    if (has(Trait.FUSED_CHECKPOINT_PROJECTIONS)) {
      qkv =
          new Projection(
              source.load(p + "qkv_proj.weight", q + 2 * kv, hidden),
              qkvBias ? source.load(p + "qkv_proj.bias", q + 2 * kv) : null);
    } else {
      NDArray weight =
          source.concatRows(
              source.load(p + "q_proj.weight", q, hidden),
              source.load(p + "k_proj.weight", kv, hidden),
              source.load(p + "v_proj.weight", kv, hidden));
      NDArray bias =
          qkvBias
              ? source.concatRows(
                  source.load(p + "q_proj.bias", q),
                  source.load(p + "k_proj.bias", kv),
                  source.load(p + "v_proj.bias", kv))
              : null;
      qkv = new Projection(weight, bias);
    }
    Projection out =
        new Projection(
            source.load(p + "o_proj.weight", hidden, q),
            c.outputBias() ? source.load(p + "o_proj.bias", hidden) : null);
    RmsNorm queryNorm = null;
    RmsNorm keyNorm = null;
    if (has(Trait.QUERY_KEY_NORM)) {
      queryNorm = source.rmsNorm(p + "q_norm.weight", c.headDim(), false);
      keyNorm = source.rmsNorm(p + "k_norm.weight", c.headDim(), false);
    }
    return new Attention(qkv, out, queryNorm, keyNorm, rotary, c.heads(), c.kvHeads(), c.headDim());
  }

  private FeedForward feedForward(TensorSource source, String p) {
    ModelConfig c = source.config();
    long hidden = c.hiddenSize();
    long inner = c.intermediateSize();
    Projection gateUp;
    if (has(Trait.FUSED_CHECKPOINT_PROJECTIONS)) {
      gateUp =
          new Projection(
              source.load(p + "gate_up_proj.weight", 2 * inner, hidden),
              c.mlpBias() ? source.load(p + "gate_up_proj.bias", 2 * inner) : null);
    } else {
      NDArray bias =
          c.mlpBias()
              ? source.concatRows(
                  source.load(p + "gate_proj.bias", inner), source.load(p + "up_proj.bias", inner))
              : null;
      gateUp =
          new Projection(
              source.concatRows(
                  source.load(p + "gate_proj.weight", inner, hidden),
                  source.load(p + "up_proj.weight", inner, hidden)),
              bias);
    }
    Projection down =
        new Projection(
            source.load(p + "down_proj.weight", hidden, inner),
            c.mlpBias() ? source.load(p + "down_proj.bias", hidden) : null);
    return new GatedFeedForward(gateUp, down, c.activation(), c.intermediateSize());
  }

  @Override
  public Norm finalNorm(TensorSource source) {
    return source.rmsNorm(
        "model.norm.weight", source.config().hiddenSize(), has(Trait.ONE_CENTRED_NORM));
  }

  @Override
  public String lmHeadName() {
    return "lm_head.weight";
  }
}
