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
import io.solrecho.embed.PositiveInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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

  /** Command-line options passed on to the model declaration, by their echo-models.json names. */
  private static final Map<String, String> MODEL_OPTIONS =
      Map.of(
          "max-tokens",
          "maxTokens",
          "batch-size",
          "batchSize",
          "device",
          "device",
          "dtype",
          "dtype");

  BenchOptions {
    shapes = List.copyOf(shapes);
    callers = List.copyOf(callers);
    modelParameters = Map.copyOf(modelParameters);
  }

  /**
   * Reads the options; {@code option} returns an option's value by name, null when absent.
   *
   * @throws IllegalArgumentException naming the option that is missing or wrong
   */
  static BenchOptions read(Function<String, String> option) {
    boolean quick = option.apply("quick") != null && bool(option, "quick");
    Path model = option.apply("model") == null ? null : Paths.get(option.apply("model"));
    if (model != null && !Files.isRegularFile(model.resolve("config.json"))) {
      throw new IllegalArgumentException(
          "--model: " + model.toAbsolutePath() + " is not a model folder (no config.json)");
    }
    if (option.apply("out") == null || option.apply("out").isBlank()) {
      throw new IllegalArgumentException(
          "missing required option --out (the folder for bench.json and bench.md)");
    }
    Path out = Paths.get(option.apply("out"));
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IllegalArgumentException(
          "--out: " + out.toAbsolutePath() + " exists and is not a folder");
    }
    Path cache =
        Paths.get(
            option.apply("cache") != null
                ? option.apply("cache")
                : BenchEmbedCommand.defaultCache().toString());
    Path tokenizer =
        Paths.get(
            option.apply("tokenizer") != null
                ? option.apply("tokenizer")
                : BenchEmbedCommand.DEFAULT_TOKENIZER);
    if (model == null && !Files.isRegularFile(tokenizer)) {
      throw new IllegalArgumentException(
          "--tokenizer: "
              + tokenizer.toAbsolutePath()
              + " not found; the random"
              + " model needs a tokenizer.json with a 49152-token vocabulary (SmolLM2's), or pass --model DIR");
    }
    double seconds;
    try {
      seconds =
          Double.parseDouble(
              option.apply("seconds") != null ? option.apply("seconds") : quick ? "0.5" : "10");
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--seconds expects a number, got '" + option.apply("seconds") + "'");
    }
    if (!(seconds > 0)) {
      throw new IllegalArgumentException("--seconds must be above 0, got " + seconds);
    }
    List<String> shapes = new ArrayList<>();
    for (String shape :
        (option.apply("shapes") != null
                ? option.apply("shapes")
                : quick ? "4x32,1x16" : "8x128,1x32")
            .split(",")) {
      if (!shape.trim().matches("[1-9][0-9]*x[1-9][0-9]*")) {
        throw new IllegalArgumentException(
            "--shapes: expected BATCHxLENGTH entries like 8x128, got '" + shape + "'");
      }
      shapes.add(shape.trim());
    }
    List<Integer> callers = new ArrayList<>();
    for (String c :
        (option.apply("callers") != null ? option.apply("callers") : quick ? "1,4" : "1,4,16")
            .split(",")) {
      callers.add(positive("callers", c));
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    MODEL_OPTIONS.forEach(
        (name, parameter) -> {
          if (option.apply(name) != null) {
            parameters.put(parameter, option.apply(name).trim());
          }
        });
    return new BenchOptions(
        model,
        cache,
        tokenizer,
        out,
        quick,
        count(option, "memory", quick ? QUICK_MEMORY : DEFAULT_MEMORY),
        count(option, "docs", quick ? 64 : 1000),
        count(option, "queries", quick ? 20 : 200),
        seconds,
        shapes,
        count(option, "texts", quick ? 16 : 48),
        callers,
        parameters);
  }

  private static int count(Function<String, String> option, String name, int fallback) {
    return option.apply(name) == null ? fallback : positive(name, option.apply(name));
  }

  private static int positive(String name, String value) {
    return PositiveInteger.parse("--" + name, value);
  }

  private static boolean bool(Function<String, String> option, String name) {
    String value = option.apply(name).trim();
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException(
          "--" + name + " expects true or false, got '" + value + "'");
    }
    return Boolean.parseBoolean(value);
  }
}
