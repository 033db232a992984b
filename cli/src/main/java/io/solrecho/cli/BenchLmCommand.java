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

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.solrecho.lm.BatchBudget;
import io.solrecho.lm.CausalLanguageModel;
import io.solrecho.lm.LmOptions;
import io.solrecho.lm.ModelConfig;
import io.solrecho.lm.TokenBatch;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code bench-lm}: forward-pass throughput of a model (by default a random one of SmolLM2-135M's
 * or Mistral-7B's shape) at given batch shapes, next to the dense matrix-product rate measured in
 * the same run on the model's device and compute type, and, given the device's peak, the model FLOP
 * utilisation (MFU), as JSON. Other benchmarks reuse the measurement through {@link
 * #measure(CausalLanguageModel, Path, List, double)}.
 */
public final class BenchLmCommand implements Command {

  @Override
  public String name() {
    return "bench-lm";
  }

  @Override
  public String summary() {
    return "LM runtime throughput (tokens/s, FLOP rate vs dense matmul, MFU) on a random model of a"
        + " known shape";
  }

  @Override
  public String usage() {
    return "usage: bin/solr-echo bench-lm [--model DIR | --shape NAME [--layers N]] [--cache DIR]"
        + " [--seconds S] [--device auto|cpu|cuda[:N]] [--dtype auto|float32|float16]"
        + " [--shapes 8x128,1x32] [--peak-tflops T]\n"
        + "  --model   a model folder to time instead of a random one\n"
        + "  --shape   the random model's shape: "
        + RandomModel.SHAPES
        + " (default smollm2-135m; mistral-7b is written in float16, 14.5 GB)\n"
        + "  --layers  decoder layers of the random model (default: the shape's)\n"
        + "  --cache   where the random model is written once (default ~/.cache/solr-echo/bench-models)\n"
        + "  --seconds minimum timed seconds per measurement (default 10)\n"
        + "  --shapes  BATCHxLENGTH entries; BATCH 'max' takes as many sequences as the GPU batch budget"
        + " allows\n"
        + "  --peak-tflops the device's dense peak in the compute dtype, in TFLOP/s (e.g. 989 for an"
        + " H100/H200 in float16): adds each run's MFU";
  }

  @Override
  public int run(Arguments arguments, PrintStream out) throws Exception {
    double seconds = Double.parseDouble(arguments.get("seconds", "10"));
    Path folder = arguments.has("model") ? arguments.path("model") : randomModel(arguments);
    LmOptions options =
        LmOptions.of(arguments.get("device", "auto"), arguments.get("dtype", "auto"));
    JsonObject report;
    try (CausalLanguageModel model = CausalLanguageModel.load(folder, options)) {
      report =
          measure(
              model, folder, List.of(arguments.get("shapes", "8x128,1x32").split(",")), seconds);
    }
    if (arguments.has("peak-tflops")) {
      addUtilisation(report, Double.parseDouble(arguments.get("peak-tflops", "")));
    }
    out.println(new GsonBuilder().setPrettyPrinting().create().toJson(report));
    return 0;
  }

  private static Path randomModel(Arguments arguments) throws IOException {
    RandomModel shape = RandomModel.named(arguments.get("shape", "smollm2-135m"));
    if (arguments.has("layers")) {
      shape = shape.withLayers(arguments.integer("layers", 0));
    }
    return shape.materialize(
        Paths.get(
            arguments.get(
                "cache",
                Paths.get(System.getProperty("user.home"), ".cache", "solr-echo", "bench-models")
                    .toString())));
  }

  /**
   * The bench-lm report of a loaded model: its batch budget (read first, while the device holds
   * only the weights), the dense matrix-product rate on its device and compute type, then per shape
   * the forward pass's tokens/s, FLOP rate and its ratio to the matrix-product rate ({@code runs}).
   *
   * @param folder the model's folder, for the report
   * @param shapes {@code BATCHxLENGTH} entries such as {@code 8x128}; {@code BATCH} may be {@code
   *     max} on a GPU
   * @param seconds minimum timed seconds per measurement
   * @throws IllegalArgumentException for a malformed shape
   */
  public static JsonObject measure(
      CausalLanguageModel model, Path folder, List<String> shapes, double seconds) {
    BatchBudget budget = BatchBudget.of(model);
    JsonObject report = new JsonObject();
    ModelConfig config = model.config();
    report.addProperty("model", folder.toString());
    report.addProperty("config", config.toString());
    report.addProperty("device", model.device());
    report.addProperty("dtype", model.dtype());
    report.addProperty(
        "engine",
        "PyTorch "
            + Engine.getEngine("PyTorch").getVersion()
            + " from "
            + LibUtils.getLibtorchPath());
    report.addProperty("cpu_cores", Runtime.getRuntime().availableProcessors());
    report.addProperty("batch_budget", budget.toString());
    MatmulProbe probe =
        new MatmulProbe(
            model.engineDevice(),
            model.dtype(),
            1024,
            config.hiddenSize(),
            config.intermediateSize());
    double matmul = probe.gflops(seconds / 2);
    report.addProperty("matmul_shape", probe.toString());
    report.addProperty("matmul_gflops", round(matmul));
    JsonArray runs = new JsonArray();
    for (String shape : shapes) {
      runs.add(measure(model, budget, shape.trim(), seconds, matmul));
    }
    report.add("runs", runs);
    return report;
  }

  /** Adds {@code peak_tflops} and each run's {@code mfu} (model FLOP rate / peak) to a report. */
  static void addUtilisation(JsonObject report, double peakTflops) {
    if (!(peakTflops > 0)) {
      throw new IllegalArgumentException(
          "--peak-tflops: expected a positive number, got " + peakTflops);
    }
    report.addProperty("peak_tflops", peakTflops);
    for (JsonElement run : report.getAsJsonArray("runs")) {
      JsonObject r = run.getAsJsonObject();
      r.addProperty("mfu", round(r.get("model_gflops").getAsDouble() / (peakTflops * 1000)));
    }
  }

  private static JsonObject measure(
      CausalLanguageModel model,
      BatchBudget budget,
      String shape,
      double seconds,
      double matmulGflops) {
    int x = shape.lastIndexOf('x');
    if (x < 1 || x == shape.length() - 1) {
      throw new IllegalArgumentException(
          "--shapes: expected BATCHxLENGTH entries like 8x128, got '" + shape + "'");
    }
    String rows = shape.substring(0, x);
    int length = Integer.parseInt(shape.substring(x + 1));
    int batchSize = rows.equals("max") ? budgetRows(budget, length) : Integer.parseInt(rows);
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
    if (budget.limited()) {
      run.addProperty("budget_rows", budget.maxRows(length));
    }
    return run;
  }

  private static int budgetRows(BatchBudget budget, int length) {
    if (!budget.limited()) {
      throw new IllegalArgumentException(
          "--shapes: batch 'max' needs a GPU batch budget, but this one is " + budget);
    }
    return budget.maxRows(length);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
