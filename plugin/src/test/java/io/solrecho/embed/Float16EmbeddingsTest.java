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
package io.solrecho.embed;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.solrecho.ProjectFixtures;
import io.solrecho.lm.LmOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.Test;

/**
 * Echo embeddings from a model computing in float16 (on the CPU here, as on a GPU) come back as
 * float32 vectors that point where the float32 model's do.
 *
 * <p>Observed on the tiny GPT-2 (echo, mean pooling, normalised): 1 - cosine similarity to the
 * float32 vectors 2.5e-7 to 7.1e-7, largest element difference 6.7e-4. Pooling averages away most
 * of the per-position rounding measured on hidden states (up to 2e-2 there). The bound, 1 - cosine
 * at most 1e-5, is 14 times the observed and still fails on any structural difference (a wrong mask
 * or pooled range moves vectors by 1e-2 and more).
 */
public class Float16EmbeddingsTest {
  private static final double MIN_COSINE = 1 - 1e-5;

  @Test
  public void float16VectorsAreFloat32AndCloseToTheFloat32Ones() throws Exception {
    Path folder = ProjectFixtures.tinyModel();
    List<String> texts =
        List.of(
            "cats sleep a lot",
            "The quick brown fox jumps over the lazy dog.",
            "Solr indexes documents; echo embeddings repeat each text twice before pooling.");
    EmbeddingSettings settings = EmbeddingSettings.defaults();
    try (Embedder full = Embedder.open(folder, LmOptions.of("cpu", "float32"), settings);
        Embedder half = Embedder.open(folder, LmOptions.of("cpu", "float16"), settings)) {
      assertEquals("float16", half.model().dtype());
      List<Embedding> expected = full.embed(texts, TextRole.DOCUMENT);
      List<Embedding> actual = half.embed(texts, TextRole.DOCUMENT);
      for (int i = 0; i < texts.size(); i++) {
        float[] a = expected.get(i).vector();
        float[] b = actual.get(i).vector();
        assertEquals(half.dimension(), b.length);
        double dot = 0;
        double maxDiff = 0;
        for (int j = 0; j < a.length; j++) {
          dot += (double) a[j] * b[j];
          maxDiff = Math.max(maxDiff, Math.abs(a[j] - b[j]));
        }
        System.out.printf(
            Locale.ROOT,
            "float16 embedding %d: 1 - cosine %.2e, max abs diff %.2e%n",
            i,
            1 - dot,
            maxDiff);
        assertTrue("text " + i + ": cosine " + dot, dot >= MIN_COSINE);
      }
    }
  }
}
