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

import io.solrecho.lm.CausalLanguageModel;
import io.solrecho.lm.HiddenStates;
import io.solrecho.lm.LmOptions;
import io.solrecho.lm.TokenBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;

/**
 * A random model written through DJL's safetensors encoding loads as a Llama model of its shape,
 * runs, and is reused rather than rewritten.
 */
public class RandomModelTest {
  @Test
  public void aSmallRandomModelLoadsAndRuns() throws Exception {
    Path cache = Files.createTempDirectory("random-model");
    RandomModel shape = new RandomModel("tiny", 2, 32, 4, 2, 64, 100);
    Path folder = shape.materialize(cache);
    long written = Files.getLastModifiedTime(folder.resolve("model.safetensors")).toMillis();
    try (CausalLanguageModel model =
        CausalLanguageModel.load(folder, LmOptions.of("cpu", "float32"))) {
      assertEquals(
          "llama(layers=2, hidden=32, heads=4/2, head_dim=8, intermediate=64, vocab=100)",
          model.config().toString());
      HiddenStates states = model.forward(TokenBatch.rightPadded(List.of(new int[] {1, 2, 3}), 0));
      for (float v : states.vector(0, 2)) {
        assertTrue(Float.isFinite(v));
      }
    }
    assertEquals(folder, shape.materialize(cache));
    assertEquals(
        written, Files.getLastModifiedTime(folder.resolve("model.safetensors")).toMillis());
  }
}
