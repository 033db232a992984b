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

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.solrecho.Oracles;
import io.solrecho.ReferenceModel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * The raw output of every decoder layer on each fixture's unpadded sequence matches transformers'
 * forward hooks ({@code per_layer.layer_outputs}) within 1e-4, so a fault shows in the layer where
 * it starts rather than only at the end.
 */
@RunWith(Parameterized.class)
public class PerLayerFidelityTest {
  @Parameters(name = "{0}")
  public static List<ReferenceModel> fixtures() {
    return Oracles.referenceModels();
  }

  private final ReferenceModel fixture;

  public PerLayerFidelityTest(ReferenceModel fixture) {
    this.fixture = fixture;
  }

  @Test
  public void everyLayerOutputMatchesTransformers() throws Exception {
    Path folder = fixture.folder();
    JsonObject reference = ReferenceCase.json(folder);
    JsonObject perLayer = reference.getAsJsonObject("per_layer");
    JsonObject single = null;
    for (var c : reference.getAsJsonArray("cases")) {
      if (c.getAsJsonObject()
          .get("name")
          .getAsString()
          .equals(perLayer.get("case").getAsString())) {
        single = c.getAsJsonObject();
      }
    }
    int[][] ids = ReferenceCase.ints2(single.getAsJsonArray("input_ids"));
    int[][] mask = new int[ids.length][ids[0].length];
    for (int[] row : mask) {
      Arrays.fill(row, 1);
    }
    JsonArray expectedLayers = perLayer.getAsJsonArray("layer_outputs");
    try (CausalLanguageModel model =
        CausalLanguageModel.load(folder, LmOptions.of("cpu", "float32"))) {
      List<HiddenStates> layers = model.layerOutputs(new TokenBatch(ids, mask, null));
      assertEquals(expectedLayers.size(), layers.size());
      int[] positions = new TokenBatch(ids, mask, null).realPositions(0);
      for (int layer = 0; layer < layers.size(); layer++) {
        float[][] expected = ReferenceCase.floats2(expectedLayers.get(layer).getAsJsonArray());
        double error = MaxAbsError.of(expected, layers.get(layer).rows(0, positions));
        System.out.printf(
            Locale.ROOT, "per-layer %s layer %d: max abs %.2e%n", fixture, layer, error);
        assertTrue(fixture + " layer " + layer + " differs by " + error, error <= 1e-4);
      }
    }
  }
}
