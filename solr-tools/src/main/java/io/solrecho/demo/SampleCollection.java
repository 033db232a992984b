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
package io.solrecho.demo;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.solr.common.SolrInputDocument;

/**
 * Reads the sample collection's files ({@code sample-collection/README.md} describes them):
 * documents, one JSON object per line with {@code id}, {@code category}, {@code title} and {@code
 * body}; and queries, {@code {"queries": [{"id", "text", "relevant": [ids]}]}}.
 */
public final class SampleCollection {
  private SampleCollection() {}

  /** One document. */
  public record Document(String id, String category, String title, String body) {
    /** The document as Solr receives it: title and body are what the echo update chain embeds. */
    public SolrInputDocument toSolr() {
      SolrInputDocument doc = new SolrInputDocument();
      doc.setField("id", id);
      if (category != null) {
        doc.setField("category", category);
      }
      doc.setField("title", title);
      doc.setField("body", body);
      return doc;
    }
  }

  /** One example query and the ids of the documents a person expects at the top. */
  public record Query(String id, String text, List<String> relevant) {
    public Query {
      relevant = List.copyOf(relevant);
    }
  }

  /**
   * The documents of a JSONL file, in file order; blank lines are skipped.
   *
   * @throws IllegalArgumentException naming the file and line of a malformed or duplicate document
   */
  public static List<Document> readDocuments(Path file) throws IOException {
    List<Document> documents = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String where = file + " line " + number;
        JsonObject json = object(line, where);
        Document document =
            new Document(
                text(json, "id", where, true),
                text(json, "category", where, false),
                text(json, "title", where, true),
                text(json, "body", where, true));
        if (!ids.add(document.id())) {
          throw new IllegalArgumentException(where + ": duplicate id '" + document.id() + "'");
        }
        documents.add(document);
      }
    }
    if (documents.isEmpty()) {
      throw new IllegalArgumentException(
          file + " has no documents (expected one JSON object per line)");
    }
    return List.copyOf(documents);
  }

  /**
   * The queries of a queries file, in file order.
   *
   * @throws IllegalArgumentException naming the file and query that is malformed
   */
  public static List<Query> readQueries(Path file) throws IOException {
    JsonObject root = object(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    JsonElement list = root.get("queries");
    if (list == null || !list.isJsonArray() || list.getAsJsonArray().isEmpty()) {
      throw new IllegalArgumentException(
          file + ": expected {\"queries\": [{\"id\", \"text\", \"relevant\": [...]}, ...]}");
    }
    List<Query> queries = new ArrayList<>();
    int index = 0;
    for (JsonElement element : list.getAsJsonArray()) {
      String where = file + ", query #" + (++index);
      if (!element.isJsonObject()) {
        throw new IllegalArgumentException(where + ": expected a JSON object");
      }
      JsonObject json = element.getAsJsonObject();
      List<String> relevant = new ArrayList<>();
      JsonElement ids = json.get("relevant");
      if (ids != null && !ids.isJsonNull()) {
        if (!ids.isJsonArray()) {
          throw new IllegalArgumentException(
              where + ": \"relevant\" must be a list of document ids");
        }
        for (JsonElement id : (JsonArray) ids) {
          relevant.add(id.getAsString());
        }
      }
      queries.add(
          new Query(text(json, "id", where, true), text(json, "text", where, true), relevant));
    }
    return List.copyOf(queries);
  }

  private static JsonObject object(String json, String where) {
    try {
      JsonElement element = JsonParser.parseString(json);
      if (!element.isJsonObject()) {
        throw new IllegalArgumentException(where + ": expected a JSON object");
      }
      return element.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(where + ": not valid JSON (" + e.getMessage() + ")", e);
    }
  }

  private static String text(JsonObject json, String field, String where, boolean required) {
    JsonElement value = json.get(field);
    if (value == null || value.isJsonNull()) {
      if (required) {
        throw new IllegalArgumentException(where + ": \"" + field + "\" is missing");
      }
      return null;
    }
    if (!value.isJsonPrimitive() || value.getAsString().isBlank()) {
      throw new IllegalArgumentException(where + ": \"" + field + "\" must be a non-empty string");
    }
    return value.getAsString();
  }
}
