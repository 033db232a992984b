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
package io.solrecho;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.solrecho.embed.TextRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sentence-transformers fixture folder ({@code fixtures/sentence-transformers/<name>}) and the
 * vectors sentence-transformers computed for it ({@code st_reference.json}, written by {@code
 * fixtures/gen/st.py}): the same texts encoded per role or named prompt, in batches padded on the
 * left and on the right.
 */
public final class SentenceTransformersReference {
  /** One call of sentence-transformers: every text of {@link #texts()} in one padded batch. */
  public record Case(
      String name,
      TextRole role,
      String promptName,
      String prompt,
      Integer promptLength,
      String paddingSide,
      int[][] inputIds,
      float[][] embeddings) {}

  private final String name;
  private final Path folder;
  private final JsonObject recipe;
  private final List<String> texts;
  private final List<Case> cases;

  private SentenceTransformersReference(
      String name, Path folder, JsonObject recipe, List<String> texts, List<Case> cases) {
    this.name = name;
    this.folder = folder;
    this.recipe = recipe;
    this.texts = texts;
    this.cases = cases;
  }

  /** The fixture {@code name}, e.g. {@code qwen3_lasttoken_eos}. */
  public static SentenceTransformersReference of(String name) {
    Path folder = ProjectFixtures.sentenceTransformersModel(name);
    JsonObject json;
    try {
      json =
          JsonParser.parseString(
                  Files.readString(folder.resolve("st_reference.json"), StandardCharsets.UTF_8))
              .getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> texts = new ArrayList<>();
    json.getAsJsonArray("texts").forEach(t -> texts.add(t.getAsString()));
    List<Case> cases = new ArrayList<>();
    for (JsonElement element : json.getAsJsonArray("cases")) {
      JsonObject c = element.getAsJsonObject();
      cases.add(
          new Case(
              c.get("name").getAsString(),
              TextRole.valueOf(c.get("role").getAsString().toUpperCase(Locale.ROOT)),
              c.get("prompt_name").isJsonNull() ? null : c.get("prompt_name").getAsString(),
              c.get("prompt").isJsonNull() ? "" : c.get("prompt").getAsString(),
              c.get("prompt_length").isJsonNull() ? null : c.get("prompt_length").getAsInt(),
              c.get("padding_side").getAsString(),
              ints(c.getAsJsonArray("input_ids")),
              floats(c.getAsJsonArray("embeddings"))));
    }
    return new SentenceTransformersReference(
        name, folder, json.getAsJsonObject("folder"), List.copyOf(texts), List.copyOf(cases));
  }

  public String name() {
    return name;
  }

  /** The model folder, as downloaded. */
  public Path folder() {
    return folder;
  }

  /** Whether the folder pools the last token (else the mean). */
  public boolean lastToken() {
    return recipe.get("pooling").getAsString().equals("lasttoken");
  }

  /** False when mean pooling leaves the prompt's tokens out. */
  public boolean includePrompt() {
    return recipe.get("include_prompt").getAsBoolean();
  }

  /** The folder's length limit. */
  public int maxSeqLength() {
    return recipe.get("max_seq_length").getAsInt();
  }

  /** The texts every case encodes, in order. */
  public List<String> texts() {
    return texts;
  }

  public List<Case> cases() {
    return cases;
  }

  @Override
  public String toString() {
    return name;
  }

  private static int[][] ints(JsonArray rows) {
    int[][] out = new int[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      JsonArray row = rows.get(i).getAsJsonArray();
      out[i] = new int[row.size()];
      for (int j = 0; j < row.size(); j++) {
        out[i][j] = row.get(j).getAsInt();
      }
    }
    return out;
  }

  private static float[][] floats(JsonArray rows) {
    float[][] out = new float[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      JsonArray row = rows.get(i).getAsJsonArray();
      out[i] = new float[row.size()];
      for (int j = 0; j < row.size(); j++) {
        out[i][j] = row.get(j).getAsFloat();
      }
    }
    return out;
  }
}
