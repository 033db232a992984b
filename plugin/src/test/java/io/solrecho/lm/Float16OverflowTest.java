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

import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Activations beyond float16's range (65504) fail the call with a message naming float16 and the
 * way out (dtype=float32), instead of returning inf/NaN as vectors; the same weights in float32
 * run.
 */
public class Float16OverflowTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  /**
   * The llama fixture with token embeddings scaled by 1e6: values of order 1e5, beyond half
   * precision.
   */
  private Path llamaWithHugeEmbeddings() throws Exception {
    Path folder = temp.newFolder().toPath();
    FixtureCopies.config("llama", folder);
    Map<String, RawSafetensors.Tensor> tensors =
        RawSafetensors.read(FixtureCopies.originalWeights("llama"));
    RawSafetensors.Tensor embedding = tensors.get("model.embed_tokens.weight");
    float[] scaled = embedding.values().clone();
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] *= 1e6f;
    }
    tensors.put(embedding.name(), embedding.withValues(scaled));
    RawSafetensors.write(tensors.values(), "F32", folder.resolve(ModelWeights.SINGLE_FILE));
    return folder;
  }

  @Test
  public void float16OverflowIsReportedNotReturned() throws Exception {
    Path folder = llamaWithHugeEmbeddings();
    TokenBatch batch = TokenBatch.rightPadded(List.of(new int[] {5, 6, 7}), 0);
    try (CausalLanguageModel model =
        CausalLanguageModel.load(folder, LmOptions.of("cpu", "float16"))) {
      ArithmeticException e = assertThrows(ArithmeticException.class, () -> model.forward(batch));
      assertTrue(
          e.getMessage(),
          e.getMessage().contains("float16") && e.getMessage().contains("dtype=float32"));
    }
    try (CausalLanguageModel model =
        CausalLanguageModel.load(folder, LmOptions.of("cpu", "float32"))) {
      for (float v : model.forward(batch).vector(0, 2)) {
        assertTrue("float32 stays finite: " + v, Float.isFinite(v));
      }
    }
  }
}
