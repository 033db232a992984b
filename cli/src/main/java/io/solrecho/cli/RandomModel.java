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

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A deterministic random Llama-architecture model folder of a given shape, for benchmarks: the
 * numbers it produces mean nothing, but its cost is exactly that of a real model of the shape. The
 * default shape is SmolLM2-135M's.
 */
final class RandomModel {
  private final String name;
  private final int layers;
  private final int hidden;
  private final int heads;
  private final int kvHeads;
  private final int intermediate;
  private final int vocab;

  RandomModel(
      String name, int layers, int hidden, int heads, int kvHeads, int intermediate, int vocab) {
    this.name = name;
    this.layers = layers;
    this.hidden = hidden;
    this.heads = heads;
    this.kvHeads = kvHeads;
    this.intermediate = intermediate;
    this.vocab = vocab;
  }

  /**
   * SmolLM2-135M: 30 layers, hidden 576, 9 heads / 3 KV heads, intermediate 1536, vocab 49152,
   * tied.
   */
  static RandomModel smolLm2Shape() {
    return new RandomModel("smollm2-135m-random", 30, 576, 9, 3, 1536, 49152);
  }

  String name() {
    return name;
  }

  int vocab() {
    return vocab;
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
    try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        OutputStream out = Files.newOutputStream(partial)) {
      tensors(manager).encode(out, NDList.Encoding.SAFETENSORS);
    }
    Files.move(partial, weights, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(configFile, config, StandardCharsets.UTF_8);
    return folder;
  }

  private String config() {
    JsonObject c = new JsonObject();
    c.addProperty("model_type", "llama");
    c.addProperty("hidden_size", hidden);
    c.addProperty("num_hidden_layers", layers);
    c.addProperty("num_attention_heads", heads);
    c.addProperty("num_key_value_heads", kvHeads);
    c.addProperty("intermediate_size", intermediate);
    c.addProperty("vocab_size", vocab);
    c.addProperty("max_position_embeddings", 8192);
    c.addProperty("hidden_act", "silu");
    c.addProperty("rms_norm_eps", 1e-5);
    c.addProperty("rope_theta", 100000.0);
    c.addProperty("tie_word_embeddings", true);
    c.addProperty("torch_dtype", "float32");
    return new GsonBuilder().setPrettyPrinting().create().toJson(c);
  }

  /** The weights as named float32 arrays, written with DJL's safetensors encoding. */
  private NDList tensors(NDManager manager) {
    SplittableRandom random = new SplittableRandom(20241121L);
    int headDim = hidden / heads;
    long q = (long) heads * headDim;
    long kv = (long) kvHeads * headDim;
    NDList tensors = new NDList();
    Tensors add =
        (name, values, shape) -> {
          NDArray array = manager.create(values, new Shape(shape));
          array.setName(name);
          tensors.add(array);
        };
    add.put("model.embed_tokens.weight", gaussian(random, (long) vocab * hidden), vocab, hidden);
    for (int i = 0; i < layers; i++) {
      String p = "model.layers." + i + ".";
      add.put(p + "input_layernorm.weight", ones(hidden), hidden);
      add.put(p + "self_attn.q_proj.weight", gaussian(random, q * hidden), q, hidden);
      add.put(p + "self_attn.k_proj.weight", gaussian(random, kv * hidden), kv, hidden);
      add.put(p + "self_attn.v_proj.weight", gaussian(random, kv * hidden), kv, hidden);
      add.put(p + "self_attn.o_proj.weight", gaussian(random, q * hidden), hidden, q);
      add.put(p + "post_attention_layernorm.weight", ones(hidden), hidden);
      long mlp = (long) intermediate * hidden;
      add.put(p + "mlp.gate_proj.weight", gaussian(random, mlp), intermediate, hidden);
      add.put(p + "mlp.up_proj.weight", gaussian(random, mlp), intermediate, hidden);
      add.put(p + "mlp.down_proj.weight", gaussian(random, mlp), hidden, intermediate);
    }
    add.put("model.norm.weight", ones(hidden), hidden);
    return tensors;
  }

  /** Adds a named tensor of the given shape. */
  private interface Tensors {
    void put(String name, float[] values, long... shape);
  }

  private static float[] gaussian(SplittableRandom random, long count) {
    float[] values = new float[Math.toIntExact(count)];
    for (int i = 0; i < values.length; i++) {
      // Sum of uniforms: cheap, deterministic, close enough to N(0, 0.02^2) for timing.
      values[i] =
          (float) ((random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5) * 0.04);
    }
    return values;
  }

  private static float[] ones(int count) {
    float[] values = new float[count];
    java.util.Arrays.fill(values, 1f);
    return values;
  }
}
