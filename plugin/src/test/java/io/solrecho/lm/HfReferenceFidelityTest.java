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

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import io.solrecho.Oracles;
import io.solrecho.ReferenceModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * Every model fixture (fixtures/, written by transformers 5.17.0; with {@code -Pshared-oracle} also
 * those of ../shared, written by v4.45.1 and v5.17.0): our hidden states and last-token logits
 * match its stored outputs within 1e-4 for every case (right-padded batch, left-padded batch with
 * explicit position ids, one longer sequence).
 */
@RunWith(Parameterized.class)
public class HfReferenceFidelityTest {
  static final double TOLERANCE = 1e-4;

  @Parameters(name = "{0}")
  public static List<ReferenceModel> fixtures() {
    return Oracles.referenceModels();
  }

  private final ReferenceModel fixture;

  public HfReferenceFidelityTest(ReferenceModel fixture) {
    this.fixture = fixture;
  }

  @Test
  public void hiddenStatesAndLogitsMatchTransformers() throws Exception {
    Path folder = fixture.folder();
    List<ReferenceCase> cases = ReferenceCase.read(folder);
    try (CausalLanguageModel model =
        CausalLanguageModel.load(folder, LmOptions.of("cpu", "auto"))) {
      for (ReferenceCase c : cases) {
        double hiddenError = c.hiddenError(model.forward(c.batch));
        double logitError = c.logitError(model);
        System.out.printf(
            Locale.ROOT,
            "fidelity %s %s: hidden max abs %.2e, logits max abs %.2e%n",
            fixture,
            c.name,
            hiddenError,
            logitError);
        assertTrue(
            fixture + "/" + c.name + " hidden states differ by " + hiddenError,
            hiddenError <= TOLERANCE);
        assertTrue(
            fixture + "/" + c.name + " logits differ by " + logitError, logitError <= TOLERANCE);
      }
    }
  }

  @Test
  public void rotaryFrequenciesMatchTransformers() throws Exception {
    Path folder = fixture.folder();
    JsonObject reference = ReferenceCase.json(folder);
    try (CausalLanguageModel model =
        CausalLanguageModel.load(folder, LmOptions.of("cpu", "auto"))) {
      if (reference.get("rope").isJsonNull()) {
        assertTrue(
            fixture + " has no rope in transformers, so none here",
            model.rotaryInverseFrequencies() == null);
        return;
      }
      float[] expected =
          ReferenceCase.floats(reference.getAsJsonObject("rope").getAsJsonArray("inv_freq"));
      assertArrayEquals(expected, model.rotaryInverseFrequencies(), 1e-6f * 1 + 1e-7f);
    }
  }
}
