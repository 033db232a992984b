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

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.solrecho.ProjectFixtures;
import io.solrecho.SentenceTransformersReference;
import io.solrecho.SentenceTransformersReference.Case;
import io.solrecho.lm.LmOptions;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * mode=auto on the sentence-transformers fixture folders embeds as sentence-transformers itself
 * does ({@code st_reference.json}: {@code encode_query}, {@code encode_document} and {@code
 * encode(prompt_name=...)} over the same texts, in batches padded on the left and on the right):
 * the same token ids (prompt, post-processor tokens, truncation), the same pooled positions (last
 * token; mean without the prompt's tokens) and the same vectors within 1e-5, all texts in one
 * batch.
 */
@RunWith(Parameterized.class)
public class SentenceTransformersReferenceTest {
  private static final double TOLERANCE = 1e-5;
  private static final LmOptions CPU = LmOptions.of("cpu", "float32");

  @Parameters(name = "{0}")
  public static List<String> folders() {
    return ProjectFixtures.SENTENCE_TRANSFORMERS_MODELS;
  }

  private final SentenceTransformersReference reference;

  public SentenceTransformersReferenceTest(String name) {
    reference = SentenceTransformersReference.of(name);
  }

  @Test
  public void autoModeReadsTheFolderAsSentenceTransformers() throws IOException {
    try (Embedder embedder = open(null)) {
      EmbeddingSettings settings = embedder.settings();
      assertEquals(EmbeddingMode.SENTENCE_TRANSFORMERS, settings.mode());
      assertEquals(reference.lastToken() ? Pooling.LAST : Pooling.MEAN, settings.pooling());
      assertEquals(reference.includePrompt(), settings.includePrompt());
      assertEquals(reference.maxSeqLength(), settings.maxTokensPerCopy());
    }
  }

  @Test
  public void tokensAndPooledPositionsAreThoseOfSentenceTransformers() throws IOException {
    for (Case c : reference.cases()) {
      try (Embedder embedder = open(c.promptName())) {
        assertEquals(c.name(), c.prompt(), embedder.settings().prompt(c.role()));
        for (int i = 0; i < reference.texts().size(); i++) {
          EncodedPrompt prompt = embedder.encode(reference.texts().get(i), c.role());
          String what = reference + " " + c.name() + " text " + i;
          assertArrayEquals(what, c.inputIds()[i], prompt.ids());
          int length = c.inputIds()[i].length;
          int start =
              reference.lastToken()
                  ? length - 1
                  : reference.includePrompt() || c.promptLength() == null ? 0 : c.promptLength();
          assertEquals(what + " pooled start", start, prompt.pooledStart());
          assertEquals(what + " pooled end", length, prompt.pooledEnd());
          assertEquals(what + " truncated", length == reference.maxSeqLength(), prompt.truncated());
        }
      }
    }
  }

  @Test
  public void vectorsAreThoseOfSentenceTransformersLeftOrRightPadded() throws IOException {
    double worst = 0;
    for (Case c : reference.cases()) {
      try (Embedder embedder = open(c.promptName())) {
        List<Embedding> embeddings = embedder.embed(reference.texts(), c.role());
        for (int i = 0; i < embeddings.size(); i++) {
          float[] expected = c.embeddings()[i];
          float[] actual = embeddings.get(i).vector();
          assertEquals(expected.length, actual.length);
          for (int h = 0; h < expected.length; h++) {
            worst = Math.max(worst, Math.abs(expected[h] - actual[h]));
          }
        }
      }
    }
    System.out.printf(
        Locale.ROOT, "sentence-transformers reference %s: max abs %.2e%n", reference, worst);
    assertTrue(reference + " differs by " + worst, worst <= TOLERANCE);
  }

  /** mode=auto, with the document prompt {@code promptName} when given. */
  private Embedder open(String promptName) throws IOException {
    EmbeddingSettings settings = EmbeddingSettings.builder().documentPrompt(promptName).build();
    return Embedder.open(reference.folder(), CPU, settings);
  }
}
