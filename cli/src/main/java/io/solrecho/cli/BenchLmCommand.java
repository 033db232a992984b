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
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.solrecho.lm.CausalLanguageModel;
import io.solrecho.lm.LmOptions;
import io.solrecho.lm.ModelConfig;
import io.solrecho.lm.TokenBatch;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code bench-lm}: forward-pass throughput of a random model of SmolLM2-135M's shape at batch
 * 8x128 and 1x32, next to the dense matrix-product rate measured in the same run, as JSON. Other
 * benchmarks reuse the measurement through {@link #measure(CausalLanguageModel, Path, List,
 * double)}.
 */
public final class BenchLmCommand implements Command {

  @Override
  public String name() {
    return "bench-lm";
  }

  @Override
  public String summary() {
    return "LM runtime throughput (tokens/s, FLOP rate vs dense matmul) on a SmolLM2-135M-shaped model";
  }

  @Override
  public String usage() {
    return "usage: bin/solr-echo bench-lm [--model DIR] [--cache DIR] [--seconds S] [--device auto|cpu|cuda[:N]]"
        + " [--dtype auto|float32|float16] [--shapes 8x128,1x32]\n"
        + "  --model   a model folder to time instead of the random SmolLM2-135M-shaped one\n"
        + "  --cache   where the random model is written once (default ~/.cache/solr-echo/bench-models)\n"
        + "  --seconds minimum timed seconds per measurement (default 10)";
  }

  @Override
  public int run(Arguments arguments, PrintStream out) throws Exception {
    double seconds = Double.parseDouble(arguments.get("seconds", "10"));
    Path folder =
        arguments.has("model")
            ? arguments.path("model")
            : RandomModel.smolLm2Shape()
                .materialize(
                    Paths.get(
                        arguments.get(
                            "cache",
                            Paths.get(
                                    System.getProperty("user.home"),
                                    ".cache",
                                    "solr-echo",
                                    "bench-models")
                                .toString())));
    LmOptions options =
        LmOptions.of(arguments.get("device", "auto"), arguments.get("dtype", "auto"));
    JsonObject report;
    try (CausalLanguageModel model = CausalLanguageModel.load(folder, options)) {
      report =
          measure(
              model, folder, List.of(arguments.get("shapes", "8x128,1x32").split(",")), seconds);
    }
    out.println(new GsonBuilder().setPrettyPrinting().create().toJson(report));
    return 0;
  }

  /**
   * The bench-lm report of a loaded model: the dense float32 matrix-product rate, then per shape
   * the forward pass's tokens/s, FLOP rate and its ratio to the matrix-product rate ({@code runs}).
   *
   * @param folder the model's folder, for the report
   * @param shapes {@code BATCHxLENGTH} entries such as {@code 8x128}
   * @param seconds minimum timed seconds per measurement
   * @throws IllegalArgumentException for a malformed shape
   */
  public static JsonObject measure(
      CausalLanguageModel model, Path folder, List<String> shapes, double seconds) {
    JsonObject report = new JsonObject();
    ModelConfig config = model.config();
    report.addProperty("model", folder.toString());
    report.addProperty("config", config.toString());
    report.addProperty("device", model.device());
    report.addProperty("dtype", model.dtype());
    report.addProperty("cpu_cores", Runtime.getRuntime().availableProcessors());
    double matmul =
        MatmulProbe.gflops(1024, config.hiddenSize(), config.intermediateSize(), seconds / 2);
    report.addProperty(
        "matmul_shape",
        "1024x"
            + config.hiddenSize()
            + " * "
            + config.hiddenSize()
            + "x"
            + config.intermediateSize()
            + " float32");
    report.addProperty("matmul_gflops", round(matmul));
    JsonArray runs = new JsonArray();
    for (String shape : shapes) {
      runs.add(measure(model, shape.trim(), seconds, matmul));
    }
    report.add("runs", runs);
    return report;
  }

  private static JsonObject measure(
      CausalLanguageModel model, String shape, double seconds, double matmulGflops) {
    String[] parts = shape.split("x");
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "--shapes: expected BATCHxLENGTH entries like 8x128, got '" + shape + "'");
    }
    int batchSize = Integer.parseInt(parts[0]);
    int length = Integer.parseInt(parts[1]);
    ModelConfig config = model.config();
    SplittableRandom random = new SplittableRandom(7);
    List<int[]> sequences = new ArrayList<>();
    for (int b = 0; b < batchSize; b++) {
      sequences.add(random.ints(length, 1, config.vocabSize()).toArray());
    }
    TokenBatch batch = TokenBatch.rightPadded(sequences, 0);
    double perBatch = Stopwatch.secondsPerRun(() -> model.forward(batch), 2, 3, seconds);
    long tokens = (long) batchSize * length;
    double linearFlops = 2.0 * config.matmulParametersPerToken() * tokens;
    double attentionFlops =
        4.0
            * config.layers()
            * batchSize
            * config.heads()
            * config.headDim()
            * (double) length
            * length;
    double gflops = (linearFlops + attentionFlops) / perBatch / 1e9;
    JsonObject run = new JsonObject();
    run.addProperty("batch", batchSize);
    run.addProperty("length", length);
    run.addProperty("seconds_per_batch", round(perBatch));
    run.addProperty("tokens_per_s", round(tokens / perBatch));
    run.addProperty("model_gflops", round(gflops));
    run.addProperty("ratio_to_matmul", round(gflops / matmulGflops));
    return run;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
