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

import io.solrecho.ProjectFixtures;
import java.util.Map;
import org.junit.Test;

/**
 * A loaded model holds each checkpoint tensor once, in the compute type: {@link
 * CausalLanguageModel#weightBytes()} (what Solr reports as the model's memory) equals the tensors'
 * element count times the compute type's size, for every architecture, Conv1D transposes and fused
 * projections included.
 */
public class WeightBytesTest {
  @Test
  public void everyArchitectureHoldsItsWeightsOnceInTheComputeType() throws Exception {
    for (String fixture : ProjectFixtures.REFERENCE_MODELS) {
      long elements = 0;
      for (RawSafetensors.Tensor tensor :
          RawSafetensors.read(FixtureCopies.originalWeights(fixture)).values()) {
        elements += tensor.values().length;
      }
      for (Map.Entry<String, Integer> dtype : Map.of("float32", 4, "float16", 2).entrySet()) {
        try (CausalLanguageModel model =
            CausalLanguageModel.load(
                ProjectFixtures.referenceModel(fixture), LmOptions.of("cpu", dtype.getKey()))) {
          assertEquals(
              fixture + " in " + dtype.getKey(), elements * dtype.getValue(), model.weightBytes());
        }
      }
    }
  }
}
