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
package io.solrecho.harness;

import io.solrecho.cli.BenchEmbedCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of {@code bin/solr-echo bench}, read and checked once. {@code --quick} changes the
 * defaults of the counts to small ones (for CI); counts given explicitly win.
 *
 * @param model the model folder, or null for the random SmolLM2-135M-shaped model
 * @param cache where the random model is written
 * @param tokenizer the random model's tokenizer.json
 * @param out the folder for bench.json and bench.md
 * @param quick whether the small defaults apply
 * @param memory embeddings of the memory run through Solr
 * @param documents documents of the indexing measurement
 * @param queries timed queries of each latency run (cold and warm)
 * @param seconds minimum timed seconds per forward-pass measurement
 * @param shapes forward-pass shapes, {@code BATCHxLENGTH}
 * @param texts texts per echo/classical measurement
 * @param callers concurrent callers of the echo/classical measurements
 * @param modelParameters echo-models.json parameters set on the model (maxTokens, device, dtype,
 *     batchSize)
 */
record BenchOptions(
    Path model,
    Path cache,
    Path tokenizer,
    Path out,
    boolean quick,
    int memory,
    int documents,
    int queries,
    double seconds,
    List<String> shapes,
    int texts,
    List<Integer> callers,
    Map<String, String> modelParameters) {
  static final int DEFAULT_MEMORY = 100_000;
  static final int QUICK_MEMORY = 1_000;

  BenchOptions {
    shapes = List.copyOf(shapes);
    callers = List.copyOf(callers);
    modelParameters = Map.copyOf(modelParameters);
  }

  /**
   * Checks the command line together and fills in the defaults ({@code --quick}'s small ones).
   *
   * @throws IllegalArgumentException naming the option that is wrong
   */
  static BenchOptions read(BenchArguments given) {
    boolean quick = given.quick;
    Path model = given.model;
    if (model != null && !Files.isRegularFile(model.resolve("config.json"))) {
      throw new IllegalArgumentException(
          "--model: " + model.toAbsolutePath() + " is not a model folder (no config.json)");
    }
    Path out = given.out;
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IllegalArgumentException(
          "--out: " + out.toAbsolutePath() + " exists and is not a folder");
    }
    if (model == null) {
      BenchEmbedCommand.checkTokenizer(given.random.tokenizer());
    }
    List<String> shapes = new ArrayList<>();
    for (String shape :
        given.shapes != null
            ? given.shapes
            : quick ? List.of("4x32", "1x16") : List.of("8x128", "1x32")) {
      if (!shape.trim().matches("[1-9][0-9]*x[1-9][0-9]*")) {
        throw new IllegalArgumentException(
            "--shapes: expected BATCHxLENGTH entries like 8x128, got '" + shape + "'");
      }
      shapes.add(shape.trim());
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    if (given.maxTokens != null) {
      parameters.put("maxTokens", given.maxTokens.toString());
    }
    if (given.batchSize != null) {
      parameters.put("batchSize", given.batchSize.toString());
    }
    parameters.put("device", given.device.device());
    parameters.put("dtype", given.device.dtype());
    return new BenchOptions(
        model,
        given.random.cache(),
        given.random.tokenizer(),
        out,
        quick,
        or(given.memory, quick ? QUICK_MEMORY : DEFAULT_MEMORY),
        or(given.docs, quick ? 64 : 1000),
        or(given.queries, quick ? 20 : 200),
        given.seconds != null ? given.seconds : quick ? 0.5 : 10,
        shapes,
        or(given.texts, quick ? 16 : 48),
        given.callers != null ? given.callers : quick ? List.of(1, 4) : List.of(1, 4, 16),
        parameters);
  }

  private static int or(Integer given, int fallback) {
    return given != null ? given : fallback;
  }
}
