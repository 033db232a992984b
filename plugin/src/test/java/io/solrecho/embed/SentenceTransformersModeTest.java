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
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.solrecho.ProjectFixtures;
import io.solrecho.lm.LmOptions;
import io.solrecho.lm.TokenizedText;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * The embedding modes on sentence-transformers folders and plain ones: auto picks the folder's
 * recipe only where there is one, echo stays available on such a folder with its pooling, the
 * parameters of one kind of mode are refused by the other, and the fingerprint covers the recipe.
 */
public class SentenceTransformersModeTest {
  private static final LmOptions CPU = LmOptions.of("cpu", "float32");
  private static final Path QWEN3 =
      ProjectFixtures.sentenceTransformersModel("qwen3_lasttoken_eos");
  private static final Path MEAN =
      ProjectFixtures.sentenceTransformersModel("mistral_mean_instructions");
  private static final List<String> TEXTS =
      List.of("The cat sat on the mat.", "We met at the café near the station.", "Hi");

  private static Embedder open(Path folder, Map<String, String> parameters) throws Exception {
    return Embedder.open(folder, CPU, EmbeddingParameters.parse(parameters));
  }

  @Test
  public void settingsResolvedAgainstAFolderAreNotResolvedAgainForIt() throws Exception {
    EmbeddingSettings resolved = EmbeddingSettings.defaults().resolve(QWEN3);
    assertEquals(EmbeddingMode.SENTENCE_TRANSFORMERS, resolved.mode());
    assertSame(resolved, resolved.resolve(QWEN3));
    try (Embedder embedder = Embedder.open(QWEN3, CPU, resolved)) {
      assertSame(resolved, embedder.settings());
    }
    EmbeddingSettings plain = resolved.resolve(ProjectFixtures.tinyModel());
    assertEquals("another folder is read anew", EmbeddingMode.ECHO, plain.mode());
  }

  @Test
  public void autoOnAPlainFolderIsEchoWithEchoFingerprints() throws Exception {
    Path tiny = ProjectFixtures.tinyModel();
    try (Embedder auto = open(tiny, Map.of("maxTokens", "40"));
        Embedder echo = open(tiny, Map.of("mode", "echo", "maxTokens", "40"))) {
      assertEquals(EmbeddingMode.ECHO, auto.settings().mode());
      assertEquals(echo.fingerprint(), auto.fingerprint());
    }
  }

  @Test
  public void echoOnASentenceTransformersFolderTakesItsPooling() throws Exception {
    try (Embedder echo = open(QWEN3, Map.of("mode", "echo"));
        Embedder echoLast = open(QWEN3, Map.of("mode", "echo", "pooling", "last"));
        Embedder echoMean = open(QWEN3, Map.of("mode", "echo", "pooling", "mean"));
        Embedder meanFolder = open(MEAN, Map.of("mode", "echo"));
        Embedder promptEol = open(MEAN, Map.of("mode", "prompteol"))) {
      assertEquals(EmbeddingMode.ECHO, echo.settings().mode());
      assertEquals("the folder's lasttoken", Pooling.LAST, echo.settings().pooling());
      assertEquals(echoLast.fingerprint(), echo.fingerprint());
      assertEquals(Pooling.MEAN, echoMean.settings().pooling());
      assertEquals("the folder's mean", Pooling.MEAN, meanFolder.settings().pooling());
      assertEquals("PromptEOL pools its last token", Pooling.LAST, promptEol.settings().pooling());
      List<Embedding> vectors = echo.embed(TEXTS, TextRole.QUERY);
      List<Embedding> expected = echoLast.embed(TEXTS, TextRole.QUERY);
      for (int i = 0; i < TEXTS.size(); i++) {
        assertArrayEquals(expected.get(i).vector(), vectors.get(i).vector(), 0f);
        int[] ids = vectors.get(i).ids();
        assertNotEquals("echo's own prompt, no end token", 383, ids[ids.length - 1]);
      }
    }
  }

  @Test
  public void theFingerprintCoversTheRecipe() throws Exception {
    try (Embedder auto = open(MEAN, Map.of());
        Embedder again = open(MEAN, Map.of("mode", "sentence_transformers"));
        Embedder summary = open(MEAN, Map.of("documentPrompt", "summary"));
        Embedder shorter = open(MEAN, Map.of("maxTokens", "20"));
        Embedder normalized = open(MEAN, Map.of("normalize", "true"));
        Embedder echo = open(MEAN, Map.of("mode", "echo"))) {
      assertEquals(EmbeddingMode.SENTENCE_TRANSFORMERS, auto.settings().mode());
      assertEquals(auto.fingerprint(), again.fingerprint());
      for (Embedder other : List.of(summary, shorter, normalized, echo)) {
        assertNotEquals(other.settings().toString(), auto.fingerprint(), other.fingerprint());
      }
    }
  }

  @Test
  public void maxTokensCutsTheWholeSequenceAndKeepsTheEndToken() throws Exception {
    try (Embedder embedder = open(QWEN3, Map.of("maxTokens", "10"))) {
      EncodedPrompt prompt =
          embedder.encode("It's what they'd've done, isn't it? Surely they would.", TextRole.QUERY);
      int[] ids = prompt.ids();
      assertEquals(10, ids.length);
      assertEquals("<|endoftext|> stays last", 383, ids[9]);
      assertTrue(prompt.truncated());
      assertEquals(9, prompt.pooledStart());
    }
  }

  /** What passages are cut to: the tokens of a text embedded whole beside prompt and end token. */
  @Test
  public void textTokenLimitLeavesRoomForThePromptAndTheSpecialTokens() throws Exception {
    try (Embedder embedder = open(QWEN3, Map.of())) {
      for (TextRole role : TextRole.values()) {
        int limit = embedder.textTokenLimit(role);
        int promptTokens = embedder.settings().prompt(role).isEmpty() ? 0 : 22;
        assertEquals(role + ": 56 less <|endoftext|> and the prompt", 55 - promptTokens, limit);
        String many = "The cat sat on the mat. ".repeat(20);
        TokenizedText tokens = embedder.tokenizer().encode(many);
        String fits = many.substring(0, tokens.charEnd(limit - 1));
        assertEquals(limit, embedder.tokenizer().encode(fits).size());
        assertFalse(role + ": " + limit + " tokens fit", embedder.encode(fits, role).truncated());
        String more = many.substring(0, tokens.charEnd(limit));
        assertTrue(role + ": one more is cut", embedder.encode(more, role).truncated());
      }
    }
  }

  @Test
  public void normalizeMayBeSetOnAFolderWithoutNormalize() throws Exception {
    try (Embedder plain = open(MEAN, Map.of());
        Embedder normalized = open(MEAN, Map.of("normalize", "true"))) {
      float[] raw = plain.embed(TEXTS, TextRole.DOCUMENT).get(0).vector();
      float[] unit = normalized.embed(TEXTS, TextRole.DOCUMENT).get(0).vector();
      double norm = 0;
      for (float v : raw) {
        norm += v * v;
      }
      norm = Math.sqrt(norm);
      assertTrue("the folder has no Normalize: raw means", Math.abs(norm - 1) > 1e-3);
      for (int h = 0; h < raw.length; h++) {
        assertEquals(raw[h] / norm, unit[h], 1e-6);
      }
    }
  }

  @Test
  public void templatesAndPoolingDoNotApplyToTheFolderRecipe() {
    for (Map<String, String> parameters :
        List.of(
            Map.of("documentTemplate", "Document: {x} Again: {x}"),
            Map.of("pooling", "mean"),
            Map.of("mode", "sentence_transformers", "spans", "offsets"))) {
      String parameter =
          parameters.keySet().stream().filter(k -> !k.equals("mode")).findFirst().orElseThrow();
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> open(QWEN3, parameters).close());
      assertTrue(e.getMessage(), e.getMessage().startsWith(parameter + ": does not apply"));
      assertTrue(e.getMessage(), e.getMessage().contains("mode=echo"));
    }
  }

  @Test
  public void promptNamesNeedASentenceTransformersFolder() {
    Path tiny = ProjectFixtures.tinyModel();
    IllegalArgumentException named =
        assertThrows(
            IllegalArgumentException.class, () -> open(tiny, Map.of("queryPrompt", "query")));
    assertTrue(named.getMessage(), named.getMessage().startsWith("queryPrompt: does not apply"));
    IllegalArgumentException mode =
        assertThrows(
            IllegalArgumentException.class,
            () -> open(tiny, Map.of("mode", "sentence-transformers")));
    assertTrue(mode.getMessage(), mode.getMessage().contains("modules.json"));
  }

  @Test
  public void anUnsupportedRecipeNamesTheWayOut() throws Exception {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> open(QWEN3, Map.of("documentPrompt", "missing")).close());
    assertTrue(e.getMessage(), e.getMessage().contains("'missing' is not a prompt"));
  }
}
