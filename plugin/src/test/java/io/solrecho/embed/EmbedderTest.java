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
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.google.gson.JsonParser;
import io.solrecho.ProjectFixtures;
import io.solrecho.lm.LmOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Embedder behaviour beyond the reference vectors: batching, fingerprints, roles, limits. */
public class EmbedderTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  private static Path model() {
    return ProjectFixtures.tinyModel();
  }

  private static Embedder open(EmbeddingSettings settings) throws Exception {
    return Embedder.open(model(), LmOptions.of("cpu", "auto"), settings);
  }

  @Test
  public void batchingDoesNotChangeVectors() throws Exception {
    List<String> texts =
        List.of(
            "short",
            "a much longer text that needs more tokens than the others do",
            "mid size text");
    try (Embedder big = open(EmbeddingSettings.builder().maxBatchSize(16).build());
        Embedder single = open(EmbeddingSettings.builder().maxBatchSize(1).build())) {
      List<Embedding> batched = big.embed(texts, TextRole.DOCUMENT);
      List<Embedding> alone = single.embed(texts, TextRole.DOCUMENT);
      for (int i = 0; i < texts.size(); i++) {
        assertArrayEquals(alone.get(i).vector(), batched.get(i).vector(), 1e-5f);
      }
    }
  }

  @Test
  public void theFingerprintIsStableAcrossLoadsAndChangesWithSettings() throws Exception {
    String first;
    try (Embedder a = open(EmbeddingSettings.defaults())) {
      first = a.fingerprint();
    }
    try (Embedder b = open(EmbeddingSettings.defaults())) {
      assertEquals(first, b.fingerprint());
    }
    for (EmbeddingSettings other :
        List.of(
            EmbeddingSettings.builder().mode(EmbeddingMode.CLASSICAL).build(),
            EmbeddingSettings.builder().pooling(Pooling.LAST).build(),
            EmbeddingSettings.builder().documentTemplate("Text: {x}\nText again: {x}").build(),
            EmbeddingSettings.builder().normalize(false).build())) {
      try (Embedder c = open(other)) {
        assertNotEquals(other.toString(), first, c.fingerprint());
      }
    }
  }

  @Test
  public void aCheckpointDifferingInOneWeightHasAnotherFingerprint() throws Exception {
    String original;
    try (Embedder a = open(EmbeddingSettings.defaults())) {
      original = a.fingerprint();
    }
    Path copy = temp.newFolder().toPath();
    for (String file : List.of("config.json", "tokenizer.json", "model.safetensors")) {
      Files.copy(model().resolve(file), copy.resolve(file));
    }
    try (Embedder same =
        Embedder.open(copy, LmOptions.of("cpu", "auto"), EmbeddingSettings.defaults())) {
      assertEquals("an identical copy elsewhere", original, same.fingerprint());
    }
    negateFirstValue(copy.resolve("model.safetensors"), "transformer.h.0.mlp.c_proj.weight");
    try (Embedder tuned =
        Embedder.open(copy, LmOptions.of("cpu", "auto"), EmbeddingSettings.defaults())) {
      assertNotEquals("one weight changed", original, tuned.fingerprint());
    }
  }

  /** Flips the sign of the first float32 value of {@code tensor} in a safetensors file. */
  private static void negateFirstValue(Path file, String tensor) throws IOException {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      channel.read(length, 0);
      ByteBuffer header = ByteBuffer.allocate(Math.toIntExact(length.getLong(0)));
      channel.read(header, 8);
      long begin =
          JsonParser.parseString(new String(header.array(), StandardCharsets.UTF_8))
              .getAsJsonObject()
              .getAsJsonObject(tensor)
              .getAsJsonArray("data_offsets")
              .get(0)
              .getAsLong();
      long position = 8 + header.capacity() + begin;
      ByteBuffer value = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
      channel.read(value, position);
      value.putFloat(0, -value.getFloat(0)).rewind();
      channel.write(value, position);
    }
  }

  @Test
  public void queriesAndDocumentsUseTheirOwnTemplates() throws Exception {
    EmbeddingSettings settings =
        EmbeddingSettings.builder()
            .queryTemplate("Instruct: {instruction}\nQuery: {x}\nQuery again: {x}")
            .documentTemplate("Document: {x}\nDocument again: {x}")
            .instruction("Find the document")
            .build();
    try (Embedder embedder = open(settings)) {
      Embedding query = embedder.embed(List.of("cats"), TextRole.QUERY).get(0);
      Embedding document = embedder.embed(List.of("cats"), TextRole.DOCUMENT).get(0);
      assertTrue(query.tokens() > document.tokens());
      assertNotEquals(query.vector()[0], document.vector()[0], 0f);
    }
  }

  @Test
  public void aPromptLongerThanTheModelPositionsIsRefusedClearly() throws Exception {
    try (Embedder embedder = open(EmbeddingSettings.builder().maxTokensPerCopy(400).build())) {
      embedder.embed(List.of("word ".repeat(300)), TextRole.DOCUMENT);
      fail("the tiny model has 256 positions");
    } catch (IllegalArgumentException e) {
      assertTrue(
          e.getMessage(),
          e.getMessage().contains("256 positions") && e.getMessage().contains("maxTokens"));
    }
  }

  @Test
  public void aMegabyteTextIsTruncatedAndReported() throws Exception {
    try (Embedder embedder = open(EmbeddingSettings.builder().maxTokensPerCopy(100).build())) {
      Embedding e =
          embedder.embed(List.of("lorem ipsum ".repeat(90_000)), TextRole.DOCUMENT).get(0);
      assertTrue(e.truncated());
      assertEquals(100, e.pooledEnd() - e.pooledStart());
    }
  }

  @Test
  public void addBosNeedsAModelThatDeclaresOne() throws Exception {
    try (Embedder embedder = open(EmbeddingSettings.builder().addBos(true).build())) {
      assertEquals(
          ProjectFixtures.TINY_END_OF_TEXT,
          embedder.embed(List.of("hello"), TextRole.DOCUMENT).get(0).ids()[0]);
    }
  }
}
