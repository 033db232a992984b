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

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.solrecho.ProjectFixtures;
import io.solrecho.lm.ModelConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.Test;

/**
 * bench-lm measures the dense matrix-product rate on the model's own device and compute type (so
 * that the ratio to it means something on a GPU), reports MFU against a given peak, and refuses
 * what only a GPU can do.
 */
public class BenchLmCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private int benchLlama(String dtype, String shapes, String... more) {
    String[] args = {
      "bench-lm",
      "--model",
      ProjectFixtures.referenceModel("llama").toString(),
      "--device",
      "cpu",
      "--dtype",
      dtype,
      "--seconds",
      "0.1",
      "--shapes",
      shapes
    };
    String[] all = Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return run(all);
  }

  @Test
  public void theMatmulProbeUsesTheModelsDtypeAndMfuUsesTheGivenPeak() throws Exception {
    assertEquals(
        err.toString(StandardCharsets.UTF_8),
        0,
        benchLlama("float16", "2x8", "--peak-tflops", "0.002"));
    JsonObject report =
        JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
    assertEquals("float16", report.get("dtype").getAsString());
    ModelConfig config = ModelConfig.read(ProjectFixtures.referenceModel("llama"));
    int hidden = config.hiddenSize();
    assertEquals(
        "1024x" + hidden + " * " + hidden + "x" + config.intermediateSize() + " float16 on cpu()",
        report.get("matmul_shape").getAsString());
    assertTrue(report.get("matmul_gflops").getAsDouble() > 0);
    assertTrue(report.get("batch_budget").getAsString().startsWith("BatchBudget(unlimited (CPU"));
    assertEquals(0.002, report.get("peak_tflops").getAsDouble(), 0);
    JsonObject run = report.getAsJsonArray("runs").get(0).getAsJsonObject();
    assertEquals(run.get("model_gflops").getAsDouble() / 2, run.get("mfu").getAsDouble(), 1e-3);
    assertTrue(run.toString(), !run.has("budget_rows"));
  }

  @Test
  public void aBatchOfMaxNeedsAGpuBudget() {
    assertEquals(2, benchLlama("float32", "maxx16"));
    assertTrue(
        err.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8)
            .contains("--shapes: batch 'max' needs a GPU batch budget, but this one is"));
  }

  @Test
  public void aNonPositivePeakIsRefused() {
    assertEquals(2, benchLlama("float32", "1x4", "--peak-tflops", "0"));
    assertTrue(
        err.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8)
            .contains(
                "Invalid value for option '--peak-tflops': expected a number above 0, got 0"));
  }
}
