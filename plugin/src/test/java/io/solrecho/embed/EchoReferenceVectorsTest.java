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

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.solrecho.EchoReference;
import io.solrecho.Oracles;
import io.solrecho.lm.LmOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * The vectors of every {@code echo_reference.json} (transformers' hidden states pooled in Python;
 * with {@code -Pshared-oracle} also the shared one, reference implementation + transformers on the
 * toy GPT-2): mean and last pooling, echo and classical, both span conventions, every sentence,
 * embedded together in one padded batch, within 1e-4.
 */
@RunWith(Parameterized.class)
public class EchoReferenceVectorsTest {
  private static final double TOLERANCE = 1e-4;

  @Parameters(name = "{0}")
  public static List<EchoReference> references() {
    return Oracles.echoReferences();
  }

  private final String name;
  private final JsonObject reference;
  private final Path model;

  public EchoReferenceVectorsTest(EchoReference echo) throws IOException {
    name = echo.name();
    reference =
        JsonParser.parseString(Files.readString(echo.reference(), StandardCharsets.UTF_8))
            .getAsJsonObject();
    model = echo.model();
  }

  @Test
  public void echoMeanPiecesMatchesReference() throws IOException {
    assertVectors("echo", Pooling.MEAN, SpanConvention.PIECES);
  }

  @Test
  public void echoLastPiecesMatchesReference() throws IOException {
    assertVectors("echo", Pooling.LAST, SpanConvention.PIECES);
  }

  @Test
  public void classicalMeanPiecesMatchesReference() throws IOException {
    assertVectors("classical", Pooling.MEAN, SpanConvention.PIECES);
  }

  @Test
  public void classicalLastPiecesMatchesReference() throws IOException {
    assertVectors("classical", Pooling.LAST, SpanConvention.PIECES);
  }

  @Test
  public void echoMeanOffsetsMatchesReference() throws IOException {
    assertVectors("echo", Pooling.MEAN, SpanConvention.OFFSETS);
  }

  @Test
  public void echoLastOffsetsMatchesReference() throws IOException {
    assertVectors("echo", Pooling.LAST, SpanConvention.OFFSETS);
  }

  @Test
  public void classicalMeanOffsetsMatchesReference() throws IOException {
    assertVectors("classical", Pooling.MEAN, SpanConvention.OFFSETS);
  }

  @Test
  public void normalisedVectorsHaveUnitLengthAndTheReferenceDirection() throws IOException {
    EmbeddingSettings settings =
        settings("echo", Pooling.MEAN, SpanConvention.PIECES).normalize(true).build();
    try (Embedder embedder = Embedder.open(model, LmOptions.of("cpu", "auto"), settings)) {
      List<Embedding> embeddings = embedder.embed(sentences(), TextRole.DOCUMENT);
      for (int i = 0; i < embeddings.size(); i++) {
        float[] v = embeddings.get(i).vector();
        float[] expected = expected(i, "echo", "pieces_convention", "embedding_mean");
        double norm = Math.sqrt(dot(expected, expected));
        assertEquals(1.0, Math.sqrt(dot(v, v)), 1e-5);
        assertEquals(1.0, dot(v, expected) / norm, 1e-5);
      }
    }
  }

  private void assertVectors(String mode, Pooling pooling, SpanConvention convention)
      throws IOException {
    String conventionKey =
        convention == SpanConvention.PIECES ? "pieces_convention" : "whole_string_convention";
    String vectorKey = pooling == Pooling.MEAN ? "embedding_mean" : "embedding_last";
    EmbeddingSettings settings = settings(mode, pooling, convention).normalize(false).build();
    try (Embedder embedder = Embedder.open(model, LmOptions.of("cpu", "auto"), settings)) {
      List<Embedding> embeddings = embedder.embed(sentences(), TextRole.DOCUMENT);
      double worst = 0;
      for (int i = 0; i < embeddings.size(); i++) {
        JsonObject expectedRun = run(i, mode, conventionKey);
        Embedding actual = embeddings.get(i);
        assertArrayEquals(
            "ids of sentence " + i, ints(expectedRun.getAsJsonArray("input_ids")), actual.ids());
        assertEquals(
            expectedRun.getAsJsonArray("pooled_range").get(0).getAsInt(), actual.pooledStart());
        assertEquals(
            expectedRun.getAsJsonArray("pooled_range").get(1).getAsInt(), actual.pooledEnd());
        float[] expected = expected(i, mode, conventionKey, vectorKey);
        float[] vector = actual.vector();
        for (int h = 0; h < expected.length; h++) {
          worst = Math.max(worst, Math.abs(expected[h] - vector[h]));
        }
      }
      System.out.printf(
          Locale.ROOT,
          "echo reference %s %s/%s/%s: max abs %.2e%n",
          name,
          mode,
          pooling,
          convention,
          worst);
      assertTrue(
          name + " " + mode + "/" + pooling + "/" + convention + " differs by " + worst,
          worst <= TOLERANCE);
    }
  }

  private EmbeddingSettings.Builder settings(
      String mode, Pooling pooling, SpanConvention convention) {
    String template =
        reference.getAsJsonObject("templates").getAsJsonObject(mode).get("template").getAsString();
    return EmbeddingSettings.builder()
        .mode(EmbeddingMode.valueOf(mode.toUpperCase(Locale.ROOT)))
        .documentTemplate(template)
        .pooling(pooling)
        .spanConvention(convention);
  }

  private List<String> sentences() {
    List<String> out = new ArrayList<>();
    for (JsonElement s : reference.getAsJsonArray("sentences")) {
      out.add(s.getAsJsonObject().get("text").getAsString());
    }
    return out;
  }

  private JsonObject run(int sentence, String mode, String conventionKey) {
    return reference
        .getAsJsonArray("sentences")
        .get(sentence)
        .getAsJsonObject()
        .getAsJsonObject(conventionKey)
        .getAsJsonObject(mode);
  }

  private float[] expected(int sentence, String mode, String conventionKey, String key) {
    JsonArray values = run(sentence, mode, conventionKey).getAsJsonArray(key);
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i).getAsFloat();
    }
    return out;
  }

  private static int[] ints(JsonArray values) {
    int[] out = new int[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i).getAsInt();
    }
    return out;
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }
}
