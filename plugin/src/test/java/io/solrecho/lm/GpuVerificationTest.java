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

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import io.solrecho.NeedsGpu;
import io.solrecho.Oracles;
import io.solrecho.ProjectFixtures;
import io.solrecho.ReferenceModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.Test;

/**
 * The checks that need a real GPU (docs/gpu-verification.md), run by gpu/verify.sh with {@code
 * -Dsolrecho.verify.device=cuda:N} and a CUDA libtorch; skipped everywhere else with a message that
 * starts "needs a GPU". Every fixture architecture matches transformers on the GPU in float32 (the
 * CPU tolerance) and float16 (the CPU float16 tolerance); the batch budget reads the GPU's free
 * memory; a real CUDA out-of-memory error arrives as {@link DeviceOutOfMemoryException} and leaves
 * the model usable. {@code -Dsolrecho.verify.device=cpu} runs the same checks on the CPU where they
 * have a CPU meaning (gpu/verify.sh --cpu-dry-run), so that a GPU run can only fail on what is
 * GPU-specific.
 */
public class GpuVerificationTest {
  private static boolean onGpu(String device) {
    return !device.equals("cpu");
  }

  /** The device string a model loaded with {@code device} reports, e.g. {@code gpu(0)}. */
  private static String expectedDevice(String device) {
    if (!onGpu(device)) {
      return "cpu()";
    }
    int colon = device.indexOf(':');
    return "gpu(" + (colon < 0 ? "0" : device.substring(colon + 1)) + ")";
  }

  private static void assertFixturesMatch(String dtype, double tolerance) throws Exception {
    String device = NeedsGpu.device();
    List<ReferenceModel> fixtures = Oracles.referenceModels();
    System.out.printf(Locale.ROOT, "verify %s %s fixtures: %d%n", device, dtype, fixtures.size());
    for (ReferenceModel fixture : fixtures) {
      ReferenceCase.Errors errors;
      try (CausalLanguageModel model =
          CausalLanguageModel.load(fixture.folder(), LmOptions.of(device, dtype))) {
        assertEquals(expectedDevice(device), model.device());
        assertEquals(dtype, model.dtype());
        errors = ReferenceCase.largestErrors(model, ReferenceCase.read(fixture.folder()));
      }
      double hidden = errors.hidden();
      double logits = errors.logits();
      System.out.printf(
          Locale.ROOT,
          "verify %s %s %s: hidden max abs %.2e, logits max abs %.2e%n",
          device,
          dtype,
          fixture.name(),
          hidden,
          logits);
      assertTrue(fixture + " " + dtype + " hidden states differ by " + hidden, hidden <= tolerance);
      assertTrue(fixture + " " + dtype + " logits differ by " + logits, logits <= tolerance);
    }
  }

  @Test
  public void fixturesMatchTransformersOnTheGpuInFloat32() throws Exception {
    assertFixturesMatch("float32", HfReferenceFidelityTest.TOLERANCE);
  }

  @Test
  public void fixturesMatchTransformersOnTheGpuInFloat16() throws Exception {
    assertFixturesMatch("float16", HalfPrecisionFidelityTest.TOLERANCE);
  }

  @Test
  public void theBatchBudgetReadsTheFreeGpuMemory() throws Exception {
    String device = NeedsGpu.device();
    try (CausalLanguageModel model =
        CausalLanguageModel.load(
            ProjectFixtures.referenceModel("llama"), LmOptions.of(device, "float16"))) {
      BatchBudget budget = BatchBudget.of(model);
      System.out.println(
          "verify budget: " + budget + ", rows of 512 tokens: " + budget.maxRows(512));
      assertEquals(budget.toString(), onGpu(device), budget.limited());
      if (onGpu(device)) {
        assertTrue(budget.toString(), budget.availableBytes() > 0);
      }
    }
  }

  /**
   * 64 sequences of 16384 tokens need over 270 GB of attention scores alone: more than any one GPU
   * has.
   */
  @Test
  public void aRealOutOfMemoryIsReportedAndTheModelStaysUsable() throws Exception {
    String device = NeedsGpu.device();
    assumeTrue(
        "needs a GPU: on the CPU a real allocation failure is DeviceOutOfMemoryExceptionTest's",
        onGpu(device));
    try (CausalLanguageModel model =
        CausalLanguageModel.load(
            ProjectFixtures.referenceModel("llama"), LmOptions.of(device, "float16"))) {
      int weights = model.managedArrayCount();
      List<int[]> rows = new ArrayList<>();
      for (int b = 0; b < 64; b++) {
        int[] ids = new int[16384];
        Arrays.fill(ids, 5);
        rows.add(ids);
      }
      DeviceOutOfMemoryException e =
          assertThrows(
              DeviceOutOfMemoryException.class,
              () -> model.forward(TokenBatch.rightPadded(rows, 0)));
      System.out.println("verify out of memory: " + e.getMessage());
      assertTrue(e.getMessage(), e.getMessage().contains("64 sequence(s) of 16384 tokens"));
      assertEquals("the failed call freed its arrays", weights, model.managedArrayCount());
      TokenBatch small = TokenBatch.rightPadded(List.of(new int[] {5, 6, 7}), 0);
      assertEquals(3, model.forward(small).length());
    }
  }
}
