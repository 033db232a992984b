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
import java.util.Set;
import org.junit.Test;

/**
 * A loaded model holds each checkpoint tensor once, in the compute type: {@link
 * CausalLanguageModel#weightBytes()} (what Solr reports as the model's memory) equals the tensors'
 * element count times the compute type's size, for every architecture, Conv1D transposes and fused
 * projections included. An untied LM head ({@code lm_head.weight}, GPT-NeoX's {@code
 * embed_out.weight}) is not among them: it is read on the first call for logits, which embedding
 * never makes.
 */
public class WeightBytesTest {
  private static final Set<String> LM_HEADS = Set.of("lm_head.weight", "embed_out.weight");

  @Test
  public void everyArchitectureHoldsItsWeightsOnceInTheComputeType() throws Exception {
    for (String fixture : ProjectFixtures.REFERENCE_MODELS) {
      long elements = 0;
      for (Map.Entry<String, RawSafetensors.Tensor> tensor :
          RawSafetensors.read(FixtureCopies.originalWeights(fixture)).entrySet()) {
        if (!LM_HEADS.contains(tensor.getKey())) {
          elements += tensor.getValue().values().length;
        }
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
