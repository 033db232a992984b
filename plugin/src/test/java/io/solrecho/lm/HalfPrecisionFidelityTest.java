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
import static org.junit.Assert.assertTrue;

import io.solrecho.Oracles;
import io.solrecho.ReferenceModel;
import java.util.List;
import java.util.Locale;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * {@code dtype=float16} on the CPU (the same code path a GPU runs, only slower): every architecture
 * fixture, weights and activations in half precision, stays close to transformers' float32 outputs,
 * and returns float32 states that are finite everywhere, padding included.
 *
 * <p>Observed on the in-tree fixtures (max abs error over the three cases, hidden states / logits):
 * llama 1.4e-2 / 1.2e-2, llama_bf16 1.5e-2 / 7.0e-3, llama3_rope_tied 1.5e-2 / 9.8e-3,
 * mistral_sliding_window 1.9e-2 / 8.7e-3, qwen2 2.0e-2 / 8.7e-3, qwen3 (both layouts) 8.8e-3 /
 * 7.0e-3, gpt2 5.6e-3 / 5.2e-3, gpt_neox 4.4e-3 / 5.5e-3, phi3 1.1e-2 / 1.1e-2, gemma 7.0e-3 /
 * 8.0e-3, tiny-gpt2 2.0e-2 / 1.4e-2 (the shared fixtures: up to 2.5e-2). Half precision keeps 11
 * significant bits: each rounding moves a value by up to 2^-11 = 4.9e-4 of itself, i.e. up to 1e-3
 * for hidden values of 2 to 4, and two or three layers of a dozen rounded operations each, followed
 * by the final norm's rescaling, add up to the 1e-2 seen. The tolerance, 5e-2, is twice the largest
 * observation (about 1% of the largest hidden values) and still far below what a wrong mask, a lost
 * position or an overflow gives (errors of order 1, or infinite for NaN).
 */
@RunWith(Parameterized.class)
public class HalfPrecisionFidelityTest {
  static final double TOLERANCE = 5e-2;

  /** float32 matches within 5e-6; anything below this did not really run in half precision. */
  static final double SURELY_HALF = 1e-4;

  @Parameters(name = "{0}")
  public static List<ReferenceModel> fixtures() {
    return Oracles.referenceModels();
  }

  private final ReferenceModel fixture;

  public HalfPrecisionFidelityTest(ReferenceModel fixture) {
    this.fixture = fixture;
  }

  private CausalLanguageModel loadHalf() throws Exception {
    return CausalLanguageModel.load(fixture.folder(), LmOptions.of("cpu", "float16"));
  }

  @Test
  public void float16OnTheCpuStaysWithinToleranceOfTransformersFloat32() throws Exception {
    List<ReferenceCase> cases = ReferenceCase.read(fixture.folder());
    ReferenceCase.Errors errors;
    try (CausalLanguageModel model = loadHalf()) {
      assertEquals("float16", model.dtype());
      assertEquals("cpu()", model.device());
      errors = ReferenceCase.largestErrors(model, cases);
    }
    double hiddenError = errors.hidden();
    double logitError = errors.logits();
    System.out.printf(
        Locale.ROOT,
        "float16 on cpu %s: hidden max abs %.2e, logits max abs %.2e%n",
        fixture,
        hiddenError,
        logitError);
    assertTrue(
        fixture + " float16 hidden states differ by " + hiddenError, hiddenError <= TOLERANCE);
    assertTrue(fixture + " float16 logits differ by " + logitError, logitError <= TOLERANCE);
    assertTrue(
        fixture + ": an error of " + hiddenError + " means the pass did not run in float16",
        hiddenError > SURELY_HALF);
  }

  /**
   * Scores are cast to float32 before the mask (-1.7e38) is added, so masked rows never overflow.
   */
  @Test
  public void paddedPositionsStayFiniteInFloat16() throws Exception {
    ReferenceCase padded = ReferenceCase.read(fixture.folder()).get(0);
    assertEquals("batch_right_padded", padded.name);
    try (CausalLanguageModel model = loadHalf()) {
      HiddenStates states = model.forward(padded.batch);
      for (int b = 0; b < states.batchSize(); b++) {
        for (int t = 0; t < states.length(); t++) {
          for (float v : states.vector(b, t)) {
            assertTrue(fixture + ": state (" + b + ", " + t + ") is " + v, Float.isFinite(v));
          }
        }
      }
    }
  }
}
