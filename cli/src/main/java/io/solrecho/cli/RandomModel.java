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
package io.solrecho.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.solrecho.embed.WholeNumber;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A deterministic random Llama-family model folder of a given shape, for benchmarks: the numbers it
 * produces mean nothing, but its cost is exactly that of a real model of the shape. Two shapes are
 * known by name ({@link #named}): SmolLM2-135M's, written in float32, and Mistral-7B's, written in
 * float16 (14.5 GB; its weights are produced while the file is written, never held in memory).
 */
final class RandomModel {
  /** The names {@link #named} knows, for usage texts. */
  static final String SHAPES = "smollm2-135m, mistral-7b";

  private static final int TABLE_BITS = 16;

  private final String name;
  private final String modelType;
  private final int layers;
  private final int hidden;
  private final int heads;
  private final int kvHeads;
  private final int intermediate;
  private final int vocab;
  private final boolean tied;
  private final double ropeTheta;
  private final String dtype;

  RandomModel(
      String name,
      String modelType,
      int layers,
      int hidden,
      int heads,
      int kvHeads,
      int intermediate,
      int vocab,
      boolean tied,
      double ropeTheta,
      String dtype) {
    this.name = name;
    this.modelType = modelType;
    this.layers = layers;
    this.hidden = hidden;
    this.heads = heads;
    this.kvHeads = kvHeads;
    this.intermediate = intermediate;
    this.vocab = vocab;
    this.tied = tied;
    this.ropeTheta = ropeTheta;
    this.dtype = dtype;
  }

  /**
   * SmolLM2-135M: 30 layers, hidden 576, 9 heads / 3 KV heads, intermediate 1536, vocab 49152,
   * tied; float32 (540 MB).
   */
  static RandomModel smolLm2Shape() {
    return new RandomModel(
        "smollm2-135m-random", "llama", 30, 576, 9, 3, 1536, 49152, true, 100000.0, "F32");
  }

  /**
   * Mistral-7B (v0.2): 32 layers, hidden 4096, 32 heads / 8 KV heads, intermediate 14336, vocab
   * 32000, untied, no sliding window; float16 (14.5 GB).
   */
  static RandomModel mistral7bShape() {
    return new RandomModel(
        "mistral-7b-random", "mistral", 32, 4096, 32, 8, 14336, 32000, false, 1e6, "F16");
  }

  /**
   * The shape called {@code shape}: one of {@value #SHAPES}.
   *
   * @throws IllegalArgumentException naming {@code --shape} for another name
   */
  static RandomModel named(String shape) {
    switch (shape) {
      case "smollm2-135m":
        return smolLm2Shape();
      case "mistral-7b":
        return mistral7bShape();
      default:
        throw new IllegalArgumentException(
            "--shape: expected one of " + SHAPES + ", got '" + shape + "'");
    }
  }

  /**
   * The same shape with only {@code count} decoder layers (a cheaper stand-in with the same widths,
   * e.g. for a dry run on a CPU).
   */
  RandomModel withLayers(int count) {
    WholeNumber.atLeast("--layers", count, 1);
    if (count == layers) {
      return this;
    }
    return new RandomModel(
        name + "-" + count + "-layers",
        modelType,
        count,
        hidden,
        heads,
        kvHeads,
        intermediate,
        vocab,
        tied,
        ropeTheta,
        dtype);
  }

  /** The model folder under {@code cache}, written on first use and reused afterwards. */
  Path materialize(Path cache) throws IOException {
    Path folder = cache.resolve(name);
    Path weights = folder.resolve("model.safetensors");
    String config = config();
    Path configFile = folder.resolve("config.json");
    if (Files.isRegularFile(weights)
        && Files.isRegularFile(configFile)
        && Files.readString(configFile, StandardCharsets.UTF_8).equals(config)) {
      return folder;
    }
    Files.createDirectories(folder);
    Path partial = folder.resolve("model.safetensors.partial");
    writer().write(partial);
    Files.move(partial, weights, StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(configFile, config, StandardCharsets.UTF_8);
    return folder;
  }

  String config() {
    JsonObject c = new JsonObject();
    c.addProperty("model_type", modelType);
    c.addProperty("hidden_size", hidden);
    c.addProperty("num_hidden_layers", layers);
    c.addProperty("num_attention_heads", heads);
    c.addProperty("num_key_value_heads", kvHeads);
    c.addProperty("intermediate_size", intermediate);
    c.addProperty("vocab_size", vocab);
    c.addProperty("max_position_embeddings", 8192);
    c.addProperty("hidden_act", "silu");
    c.addProperty("rms_norm_eps", 1e-5);
    c.addProperty("rope_theta", ropeTheta);
    c.addProperty("tie_word_embeddings", tied);
    c.addProperty("torch_dtype", dtype.equals("F16") ? "float16" : "float32");
    return new GsonBuilder().setPrettyPrinting().create().toJson(c);
  }

  private SafetensorsWriter writer() {
    SplittableRandom random = new SplittableRandom(20241121L);
    float[] table = gaussianTable(random);
    int headDim = hidden / heads;
    long q = (long) heads * headDim;
    long kv = (long) kvHeads * headDim;
    SafetensorsWriter writer = new SafetensorsWriter();
    writer.add(
        "model.embed_tokens.weight", new long[] {vocab, hidden}, dtype, draws(table, random));
    for (int i = 0; i < layers; i++) {
      String p = "model.layers." + i + ".";
      writer.add(p + "input_layernorm.weight", new long[] {hidden}, dtype, ones());
      writer.add(
          p + "self_attn.q_proj.weight", new long[] {q, hidden}, dtype, draws(table, random));
      writer.add(
          p + "self_attn.k_proj.weight", new long[] {kv, hidden}, dtype, draws(table, random));
      writer.add(
          p + "self_attn.v_proj.weight", new long[] {kv, hidden}, dtype, draws(table, random));
      writer.add(
          p + "self_attn.o_proj.weight", new long[] {hidden, q}, dtype, draws(table, random));
      writer.add(p + "post_attention_layernorm.weight", new long[] {hidden}, dtype, ones());
      writer.add(
          p + "mlp.gate_proj.weight",
          new long[] {intermediate, hidden},
          dtype,
          draws(table, random));
      writer.add(
          p + "mlp.up_proj.weight", new long[] {intermediate, hidden}, dtype, draws(table, random));
      writer.add(
          p + "mlp.down_proj.weight",
          new long[] {hidden, intermediate},
          dtype,
          draws(table, random));
    }
    writer.add("model.norm.weight", new long[] {hidden}, dtype, ones());
    if (!tied) {
      writer.add("lm_head.weight", new long[] {vocab, hidden}, dtype, draws(table, random));
    }
    return writer;
  }

  /**
   * 2^16 values close to N(0, 0.02^2) (a sum of uniforms: cheap and deterministic), picked from at
   * random below: fast enough for billions of weights, and as good as fresh draws for timing.
   */
  private static float[] gaussianTable(SplittableRandom random) {
    float[] table = new float[1 << TABLE_BITS];
    for (int i = 0; i < table.length; i++) {
      table[i] =
          (float) ((random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5) * 0.04);
    }
    return table;
  }

  /**
   * Values picked from {@code table} by 16 bits of a hash of their position (SplitMix64's
   * finaliser) and a seed of the tensor's own: a function of the position, so chunks can be made in
   * parallel.
   */
  private static SafetensorsWriter.TensorValues draws(float[] table, SplittableRandom random) {
    long seed = random.nextLong();
    int mask = table.length - 1;
    return (offset, chunk, count) -> {
      for (int i = 0; i < count; i++) {
        long z = seed + (offset + i) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        chunk[i] = table[(int) (z ^ (z >>> 31)) & mask];
      }
    };
  }

  private static SafetensorsWriter.TensorValues ones() {
    return (offset, chunk, count) -> Arrays.fill(chunk, 0, count, 1f);
  }
}
