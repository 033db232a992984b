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

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The decoder families the runtime supports, named by config.json's {@code model_type}, each with
 * the named {@link Trait}s that tell it apart, as transformers' modeling files do. Tensor names
 * live in the {@link CheckpointLayout}s; switches that configs set ({@code attention_bias}, {@code
 * mlp_bias}, ...) are read by {@link ModelConfig}.
 */
public enum Architecture {
  LLAMA("llama", Trait.GATED_MLP, Trait.ATTENTION_BIAS_OPTION, Trait.MLP_BIAS_OPTION),
  MISTRAL("mistral", Trait.GATED_MLP, Trait.SLIDING_WINDOW),
  QWEN2("qwen2", Trait.GATED_MLP, Trait.QUERY_KEY_VALUE_BIAS),
  QWEN3("qwen3", Trait.GATED_MLP, Trait.ATTENTION_BIAS_OPTION, Trait.QUERY_KEY_NORM),
  GEMMA(
      "gemma",
      Trait.GATED_MLP,
      Trait.ATTENTION_BIAS_OPTION,
      Trait.SCALED_EMBEDDINGS,
      Trait.ONE_CENTRED_NORM),
  PHI3("phi3", Trait.GATED_MLP, Trait.FUSED_CHECKPOINT_PROJECTIONS),
  GPT2("gpt2", Trait.LAYER_NORM, Trait.BIASES),
  GPT_NEOX(
      "gpt_neox",
      Trait.LAYER_NORM,
      Trait.BIASES,
      Trait.ATTENTION_BIAS_OPTION,
      Trait.PARALLEL_RESIDUAL_OPTION);

  /** A way a family departs from the plain Llama decoder. */
  enum Trait {
    /** {@code down(act(gate(x)) * up(x))} rather than {@code proj(act(fc(x)))}. */
    GATED_MLP,
    /** LayerNorm with bias ({@code layer_norm_eps}) rather than RMSNorm ({@code rms_norm_eps}). */
    LAYER_NORM,
    /** Every projection has a bias unless a config switch says otherwise. */
    BIASES,
    /** {@code attention_bias} in config.json decides the q/k/v and output projection biases. */
    ATTENTION_BIAS_OPTION,
    /** {@code mlp_bias} in config.json decides the feed-forward biases. */
    MLP_BIAS_OPTION,
    /** q/k/v projections always have biases, the output projection none (Qwen2). */
    QUERY_KEY_VALUE_BIAS,
    /** Per-head RMSNorm of queries and keys before the rotary embedding (Qwen3). */
    QUERY_KEY_NORM,
    /** {@code sliding_window} in config.json limits the keys each query sees (Mistral). */
    SLIDING_WINDOW,
    /** Token embeddings are multiplied by {@code sqrt(hidden_size)} (Gemma). */
    SCALED_EMBEDDINGS,
    /** RMSNorm scales by {@code 1 + w} rather than {@code w} (Gemma). */
    ONE_CENTRED_NORM,
    /** Checkpoints store q/k/v as one {@code qkv_proj} and gate/up as one {@code gate_up_proj}. */
    FUSED_CHECKPOINT_PROJECTIONS,
    /** {@code use_parallel_residual} (default true) adds attention and MLP to the same input. */
    PARALLEL_RESIDUAL_OPTION
  }

  private final String modelType;
  private final Set<Trait> traits;

  Architecture(String modelType, Trait... traits) {
    this.modelType = modelType;
    this.traits = traits.length == 0 ? EnumSet.noneOf(Trait.class) : EnumSet.of(traits[0], traits);
  }

  /** The config.json {@code model_type} value. */
  public String modelType() {
    return modelType;
  }

  /** The architecture for a config.json {@code model_type}, with a clear error for others. */
  public static Architecture fromModelType(String modelType) {
    if (modelType == null) {
      throw new IllegalArgumentException("config.json: missing \"model_type\"");
    }
    for (Architecture a : values()) {
      if (a.modelType.equals(modelType)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "config.json: unsupported model_type \""
            + modelType
            + "\"; supported: "
            + Arrays.stream(values())
                .map(Architecture::modelType)
                .collect(Collectors.joining(", ")));
  }

  /** Whether this family has {@code trait}. */
  boolean has(Trait trait) {
    return traits.contains(trait);
  }
}
