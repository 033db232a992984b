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
import io.solrecho.embed.WholeNumber;
import io.solrecho.lm.BatchBudget;
import io.solrecho.lm.CausalLanguageModel;
import io.solrecho.lm.ModelConfig;
import io.solrecho.lm.TokenBatch;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench-lm}: forward-pass throughput of a model (by default a random one of SmolLM2-135M's
 * or Mistral-7B's shape) at given batch shapes, next to the dense matrix-product rate measured in
 * the same run on the model's device and compute type, and, given the device's peak, the model FLOP
 * utilisation (MFU), as JSON. Other benchmarks reuse the measurement through {@link
 * #measure(CausalLanguageModel, Path, List, double)}.
 */
@CommandLine.Command(
    name = "bench-lm",
    description = {
      "LM runtime throughput (tokens/s, FLOP rate against the dense matrix product, MFU) on a"
          + " random model of a known shape, as JSON.",
      ""
    })
public final class BenchLmCommand implements Command {
  @Option(
      names = "--model",
      paramLabel = "DIR",
      description = "a model folder to time instead of a random one")
  private Path model;

  @Option(
      names = "--shape",
      paramLabel = "NAME",
      defaultValue = "smollm2-135m",
      description =
          "the random model's shape: "
              + RandomModel.SHAPES
              + " (mistral-7b is written in float16, 14.5 GB); default ${DEFAULT-VALUE}")
  private String shape;

  @Option(
      names = "--layers",
      paramLabel = "N",
      converter = Converters.PositiveInt.class,
      description = "decoder layers of the random model; default: the shape's")
  private Integer layers;

  @Mixin private ModelCacheOption cache;

  @Option(
      names = "--seconds",
      paramLabel = "S",
      defaultValue = "10",
      converter = Converters.PositiveNumber.class,
      description = "minimum timed seconds per measurement; default ${DEFAULT-VALUE}")
  private double seconds;

  @Option(
      names = "--shapes",
      paramLabel = "BATCHxLENGTH",
      split = ",",
      defaultValue = "8x128,1x32",
      description =
          "the batch shapes to time; a BATCH of 'max' takes as many sequences as the GPU batch"
              + " budget allows; default ${DEFAULT-VALUE}")
  private List<String> shapes;

  @Option(
      names = "--peak-tflops",
      paramLabel = "T",
      converter = Converters.PositiveNumber.class,
      description =
          "the device's dense peak in the compute dtype, in TFLOP/s (e.g. 989 for an H100/H200"
              + " in float16): adds each run's MFU")
  private Double peakTflops;

  @Mixin private DeviceOptions device;

  @Override
  public int run(PrintStream out) throws Exception {
    Path folder = model != null ? model : randomModel();
    JsonObject report;
    try (CausalLanguageModel lm = CausalLanguageModel.load(folder, device.lmOptions())) {
      report = measure(lm, folder, shapes, seconds);
    }
    if (peakTflops != null) {
      addUtilisation(report, peakTflops);
    }
    out.println(new GsonBuilder().setPrettyPrinting().create().toJson(report));
    return 0;
  }

  private Path randomModel() throws IOException {
    RandomModel random = RandomModel.named(shape);
    if (layers != null) {
      random = random.withLayers(layers);
    }
    return random.materialize(cache.folder());
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
    report.addProperty("matmul_gflops", BenchJson.round(matmul));
    JsonArray runs = new JsonArray();
    for (String shape : shapes) {
      runs.add(measure(model, budget, shape.trim(), seconds, matmul));
    }
    report.add("runs", runs);
    return report;
  }

  /**
   * Adds {@code peak_tflops} and each run's {@code mfu} (model FLOP rate / peak, a peak above 0) to
   * a report.
   */
  private static void addUtilisation(JsonObject report, double peakTflops) {
    report.addProperty("peak_tflops", peakTflops);
    for (JsonElement run : report.getAsJsonArray("runs")) {
      JsonObject r = run.getAsJsonObject();
      r.addProperty(
          "mfu", BenchJson.round(r.get("model_gflops").getAsDouble() / (peakTflops * 1000)));
    }
  }

  private static JsonObject measure(
      CausalLanguageModel model,
      BatchBudget budget,
      String shape,
      double seconds,
      double matmulGflops) {
    int x = shape.lastIndexOf('x');
    int length = shapeNumber(shape.substring(x + 1), shape);
    String rows = x < 0 ? "" : shape.substring(0, x);
    int batchSize = rows.equals("max") ? budgetRows(budget, length) : shapeNumber(rows, shape);
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
    run.addProperty("seconds_per_batch", BenchJson.round(perBatch));
    run.addProperty("tokens_per_s", BenchJson.round(tokens / perBatch));
    run.addProperty("model_gflops", BenchJson.round(gflops));
    run.addProperty("ratio_to_matmul", BenchJson.round(gflops / matmulGflops));
    if (budget.limited()) {
      run.addProperty("budget_rows", budget.maxRows(length));
    }
    return run;
  }

  /** A batch size or length of {@code shape}, a whole number of at least 1. */
  private static int shapeNumber(String text, String shape) {
    try {
      return WholeNumber.parse(text, 1);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--shapes: expected BATCHxLENGTH entries like 8x128, got '" + shape + "'", e);
    }
  }

  private static int budgetRows(BatchBudget budget, int length) {
    if (!budget.limited()) {
      throw new IllegalArgumentException(
          "--shapes: batch 'max' needs a GPU batch budget, but this one is " + budget);
    }
    return budget.maxRows(length);
  }
}
