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

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.solrecho.lm.Architecture.Trait;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A model's {@code config.json}, parsed once and normalised across architectures: GPT-2's {@code
 * n_embd}/{@code n_layer}, GPT-NeoX's {@code rotary_pct}, the transformers 5 {@code
 * rope_parameters} block and the older top-level {@code rope_theta}/{@code rope_scaling} all end up
 * in the same fields.
 */
public final class ModelConfig {
  private final String json;
  private final Architecture architecture;
  private final int hiddenSize;
  private final int layers;
  private final int heads;
  private final int kvHeads;
  private final int headDim;
  private final int intermediateSize;
  private final int vocabSize;
  private final int maxPositions;
  private final double normEps;
  private final Activation activation;
  private final RopeParameters rope;
  private final int slidingWindow;
  private final boolean tiedEmbeddings;
  private final boolean queryKeyValueBias;
  private final boolean outputBias;
  private final boolean mlpBias;
  private final boolean parallelResidual;
  private final Integer bosTokenId;

  private ModelConfig(String json, JsonObject c) {
    this.json = json;
    this.architecture = Architecture.fromModelType(string(c, "model_type"));
    boolean gpt2 = architecture == Architecture.GPT2;
    this.hiddenSize = requiredInt(c, gpt2 ? "n_embd" : "hidden_size");
    this.layers = requiredInt(c, gpt2 ? "n_layer" : "num_hidden_layers");
    this.heads = requiredInt(c, gpt2 ? "n_head" : "num_attention_heads");
    this.kvHeads = optionalInt(c, "num_key_value_heads", heads);
    this.headDim = optionalInt(c, "head_dim", hiddenSize / heads);
    this.intermediateSize =
        gpt2 ? optionalInt(c, "n_inner", 4 * hiddenSize) : requiredInt(c, "intermediate_size");
    this.vocabSize = requiredInt(c, "vocab_size");
    this.maxPositions = optionalInt(c, gpt2 ? "n_positions" : "max_position_embeddings", 0);
    this.normEps =
        optionalDouble(
            c,
            gpt2
                ? "layer_norm_epsilon"
                : architecture.has(Trait.LAYER_NORM) ? "layer_norm_eps" : "rms_norm_eps",
            1e-5);
    String act = string(c, "hidden_activation");
    if (act == null) {
      act = string(c, gpt2 ? "activation_function" : "hidden_act");
    }
    this.activation = Activation.fromConfig(act == null ? "gelu_new" : act);
    this.rope = gpt2 ? null : RopeParameters.fromConfig(c, headDim);
    this.slidingWindow =
        architecture.has(Trait.SLIDING_WINDOW) ? optionalInt(c, "sliding_window", 0) : 0;
    this.tiedEmbeddings = optionalBoolean(c, "tie_word_embeddings", true);
    boolean biases = architecture.has(Trait.BIASES);
    this.outputBias = switchedBy(c, Trait.ATTENTION_BIAS_OPTION, "attention_bias", biases, biases);
    this.queryKeyValueBias = outputBias || architecture.has(Trait.QUERY_KEY_VALUE_BIAS);
    this.mlpBias = switchedBy(c, Trait.MLP_BIAS_OPTION, "mlp_bias", biases, biases);
    this.parallelResidual =
        switchedBy(c, Trait.PARALLEL_RESIDUAL_OPTION, "use_parallel_residual", true, false);
    this.bosTokenId =
        c.has("bos_token_id") && c.get("bos_token_id").isJsonPrimitive()
            ? c.get("bos_token_id").getAsInt()
            : null;
    if (heads % kvHeads != 0) {
      throw new IllegalArgumentException(
          "config.json: num_attention_heads "
              + heads
              + " is not a multiple of num_key_value_heads "
              + kvHeads);
    }
  }

  /** Reads and validates {@code folder/config.json}. */
  public static ModelConfig read(Path folder) throws IOException {
    Path file = folder.resolve("config.json");
    if (!Files.isRegularFile(file)) {
      throw new IOException(
          "model folder "
              + folder
              + " has no config.json; point the model path at the folder"
              + " downloaded from the Hugging Face hub (config.json, *.safetensors, tokenizer.json)");
    }
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Parses the text of a config.json. */
  public static ModelConfig parse(String json) {
    JsonObject object;
    try {
      object = JsonParser.parseString(json).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new IllegalArgumentException("config.json is not a JSON object: " + e.getMessage(), e);
    }
    return new ModelConfig(json, object);
  }

  /**
   * The config switch {@code key} (absent: {@code byDefault}) where the architecture reads it, as
   * transformers does; {@code fixed} where it does not.
   */
  private boolean switchedBy(
      JsonObject c, Trait option, String key, boolean byDefault, boolean fixed) {
    return architecture.has(option) ? optionalBoolean(c, key, byDefault) : fixed;
  }

  private static String string(JsonObject c, String key) {
    JsonElement e = c.get(key);
    return e == null || e.isJsonNull() ? null : e.getAsString();
  }

  private static int requiredInt(JsonObject c, String key) {
    JsonElement e = c.get(key);
    if (e == null || e.isJsonNull()) {
      throw new IllegalArgumentException("config.json: missing required key \"" + key + "\"");
    }
    return e.getAsInt();
  }

  static int optionalInt(JsonObject c, String key, int fallback) {
    JsonElement e = c.get(key);
    return e == null || e.isJsonNull() ? fallback : e.getAsInt();
  }

  static double optionalDouble(JsonObject c, String key, double fallback) {
    JsonElement e = c.get(key);
    return e == null || e.isJsonNull() ? fallback : e.getAsDouble();
  }

  private static boolean optionalBoolean(JsonObject c, String key, boolean fallback) {
    JsonElement e = c.get(key);
    return e == null || e.isJsonNull() ? fallback : e.getAsBoolean();
  }

  /** The original config.json text (part of the model fingerprint). */
  public String json() {
    return json;
  }

  /** The architecture named by {@code model_type}. */
  public Architecture architecture() {
    return architecture;
  }

  /** {@code model_type} as written in config.json, lower case. */
  public String modelType() {
    return architecture.modelType();
  }

  /** Size of every hidden-state vector, and so of the embeddings. */
  public int hiddenSize() {
    return hiddenSize;
  }

  /** Number of decoder layers. */
  public int layers() {
    return layers;
  }

  /** Number of query heads. */
  public int heads() {
    return heads;
  }

  /** Number of key/value heads (less than {@link #heads()} with grouped-query attention). */
  public int kvHeads() {
    return kvHeads;
  }

  /** Size of one attention head. */
  public int headDim() {
    return headDim;
  }

  /** Width of the feed-forward block. */
  public int intermediateSize() {
    return intermediateSize;
  }

  /** Number of token ids. */
  public int vocabSize() {
    return vocabSize;
  }

  /** Longest sequence the model was trained for, or 0 when config.json does not say. */
  public int maxPositions() {
    return maxPositions;
  }

  /** BOS token id from config.json, or null. */
  public Integer bosTokenId() {
    return bosTokenId;
  }

  double normEps() {
    return normEps;
  }

  Activation activation() {
    return activation;
  }

  RopeParameters rope() {
    return rope;
  }

  /** Keys a query may see, itself included (Mistral), or 0 for full causal attention. */
  int slidingWindow() {
    return slidingWindow;
  }

  boolean tiedEmbeddings() {
    return tiedEmbeddings;
  }

  /** Whether the q, k and v projections have biases. */
  boolean queryKeyValueBias() {
    return queryKeyValueBias;
  }

  /** Whether the attention output projection has a bias. */
  boolean outputBias() {
    return outputBias;
  }

  /** Whether the feed-forward projections have biases. */
  boolean mlpBias() {
    return mlpBias;
  }

  boolean parallelResidual() {
    return parallelResidual;
  }

  /** Parameters that take part in the matrix products for one token (for FLOP estimates). */
  public long matmulParametersPerToken() {
    long qkv = (long) hiddenSize * (heads + 2L * kvHeads) * headDim;
    long out = (long) heads * headDim * hiddenSize;
    long mlp = (long) hiddenSize * intermediateSize * (architecture.has(Trait.GATED_MLP) ? 3 : 2);
    return layers * (qkv + out + mlp);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s(layers=%d, hidden=%d, heads=%d/%d, head_dim=%d, intermediate=%d, vocab=%d)",
        architecture.modelType(),
        layers,
        hiddenSize,
        heads,
        kvHeads,
        headDim,
        intermediateSize,
        vocabSize);
  }
}
