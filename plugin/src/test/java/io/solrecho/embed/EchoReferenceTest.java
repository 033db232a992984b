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

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.solrecho.EchoReference;
import io.solrecho.Oracles;
import io.solrecho.lm.TextTokenizer;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * Reproduces the token ids and pooled ranges of every {@code echo_reference.json} (computed in
 * Python with the tokenizers library, pieces as the reference implementation's {@code EchoParser}
 * cuts them; with {@code -Pshared-oracle} also the shared one, made with {@code EchoParser} itself
 * on the toy GPT-2), for every sentence, both modes and both span conventions.
 */
@RunWith(Parameterized.class)
public class EchoReferenceTest {
  @Parameters(name = "{0}")
  public static List<EchoReference> references() {
    return Oracles.echoReferences();
  }

  private final JsonObject reference;
  private TextTokenizer tokenizer;

  public EchoReferenceTest(EchoReference echo) throws IOException {
    try (Reader reader = Files.newBufferedReader(echo.reference(), StandardCharsets.UTF_8)) {
      reference = JsonParser.parseReader(reader).getAsJsonObject();
    }
    tokenizer = TextTokenizer.load(echo.model());
  }

  @After
  public void closeTokenizer() {
    tokenizer.close();
  }

  @Test
  public void classicalPiecesMatchEchoParser() {
    assertMatchesReference("classical", SpanConvention.PIECES);
  }

  @Test
  public void echoPiecesMatchEchoParser() {
    assertMatchesReference("echo", SpanConvention.PIECES);
  }

  @Test
  public void classicalOffsetsMatchWholeStringReference() {
    assertMatchesReference("classical", SpanConvention.OFFSETS);
  }

  @Test
  public void echoOffsetsMatchWholeStringReference() {
    assertMatchesReference("echo", SpanConvention.OFFSETS);
  }

  @Test
  public void referenceCoversEverySentence() {
    assertEquals(12, reference.getAsJsonArray("sentences").size());
  }

  private void assertMatchesReference(String mode, SpanConvention convention) {
    String template =
        reference.getAsJsonObject("templates").getAsJsonObject(mode).get("template").getAsString();
    PromptEncoder encoder =
        new PromptEncoder(
            tokenizer,
            PromptTemplate.of(EmbeddingMode.valueOf(mode.toUpperCase(Locale.ROOT)), template),
            EmbeddingSettings.builder().spanConvention(convention).build());
    String conventionKey =
        convention == SpanConvention.PIECES ? "pieces_convention" : "whole_string_convention";
    for (JsonElement element : reference.getAsJsonArray("sentences")) {
      JsonObject sentence = element.getAsJsonObject();
      String text = sentence.get("text").getAsString();
      JsonObject expected = sentence.getAsJsonObject(conventionKey).getAsJsonObject(mode);
      EncodedPrompt prompt = encoder.encode(text);
      String where = mode + " " + convention + " \"" + text + "\"";
      assertArrayEquals(where, ints(expected.getAsJsonArray("input_ids")), prompt.ids());
      int[] pooledRange = ints(expected.getAsJsonArray("pooled_range"));
      assertEquals(where + " pooled start", pooledRange[0], prompt.pooledStart());
      assertEquals(where + " pooled end", pooledRange[1], prompt.pooledEnd());
      assertFalse(where, prompt.truncated());
    }
  }

  private static int[] ints(JsonArray array) {
    int[] values = new int[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).getAsInt();
    }
    return values;
  }
}
