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
package io.solrecho.eval;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a data set in BEIR's layout, in place: {@code corpus.jsonl} (one JSON object per line with
 * {@code _id}, {@code title}, {@code text}), {@code queries.jsonl} ({@code _id}, {@code text}) and
 * {@code qrels/<split>.tsv} (header {@code query-id, corpus-id, score}, then one tab-separated
 * judgment per line). Other JSON keys are ignored; in SciFact the queries' {@code metadata} holds
 * the cited evidence, i.e. the answers, and must not reach a retriever. Ids must be unique.
 */
public final class BeirReader {
  private static final Pattern SPLIT = Pattern.compile("[A-Za-z0-9_-]+");
  private static final List<String> QRELS_HEADER = List.of("query-id", "corpus-id", "score");

  private final Path dir;
  private final Path corpusFile;
  private final Path queriesFile;

  /**
   * @param dir the data set folder, e.g. {@code scifact-beir}, holding corpus.jsonl and
   *     queries.jsonl
   */
  public BeirReader(Path dir) {
    if (dir == null) {
      throw new IllegalArgumentException("BEIR data set folder must not be null");
    }
    this.dir = dir;
    this.corpusFile = LineReader.requireFile(dir.resolve("corpus.jsonl"), "BEIR corpus");
    this.queriesFile = LineReader.requireFile(dir.resolve("queries.jsonl"), "BEIR queries");
  }

  /** Every corpus document, in file order. */
  public List<BeirDocument> readCorpus() throws IOException {
    return readCorpus(Integer.MAX_VALUE);
  }

  /** The first {@code limit} corpus documents. */
  public List<BeirDocument> readCorpus(int limit) throws IOException {
    return readObjects(
        corpusFile,
        limit,
        (lines, json, id) -> {
          String title = optionalString(lines, json, "title");
          String text = requiredString(lines, json, "text");
          return new BeirDocument(id, title == null ? "" : title, text);
        });
  }

  /** Every query, in file order. */
  public List<BeirQuery> readQueries() throws IOException {
    return readQueries(Integer.MAX_VALUE);
  }

  /** The first {@code limit} queries of the file (judged or not). */
  public List<BeirQuery> readQueries(int limit) throws IOException {
    return readObjects(
        queriesFile,
        limit,
        (lines, json, id) -> new BeirQuery(id, requiredString(lines, json, "text")));
  }

  /**
   * The queries judged in {@code qrels}, in queries-file order: the query set of one split.
   *
   * @throws MalformedDataException if a judged query is missing from queries.jsonl
   */
  public List<BeirQuery> readQueries(Qrels qrels) throws IOException {
    if (qrels == null) {
      throw new IllegalArgumentException("qrels must not be null");
    }
    List<BeirQuery> judged = new ArrayList<>();
    for (BeirQuery query : readQueries()) {
      if (qrels.queryIds().contains(query.id())) {
        judged.add(query);
      }
    }
    if (judged.size() != qrels.queryCount()) {
      Set<String> missing = new LinkedHashSet<>(qrels.queryIds());
      judged.forEach(query -> missing.remove(query.id()));
      throw new MalformedDataException(
          queriesFile,
          0,
          missing.size() + " judged queries are missing, e.g. '" + missing.iterator().next() + "'");
    }
    return judged;
  }

  /** All judgments of a split, e.g. {@code test} for {@code qrels/test.tsv}. */
  public Qrels readQrels(String split) throws IOException {
    if (split == null || !SPLIT.matcher(split).matches()) {
      throw new IllegalArgumentException(
          "split must be a plain name such as 'test', got '" + split + "'");
    }
    Path file =
        LineReader.requireFile(
            dir.resolve("qrels").resolve(split + ".tsv"), "BEIR qrels of split " + split);
    Map<String, Map<String, Integer>> judgments = new LinkedHashMap<>();
    try (LineReader lines = new LineReader(file)) {
      String header = lines.next();
      if (header == null) {
        throw new MalformedDataException(
            file, 0, "file is empty, expected the header query-id<TAB>corpus-id<TAB>score");
      }
      if (!List.of(LineReader.tabFields(header.strip())).equals(QRELS_HEADER)) {
        throw lines.error(
            "expected the header query-id<TAB>corpus-id<TAB>score, found '" + header + "'");
      }
      String line;
      while ((line = lines.next()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String[] fields = LineReader.tabFields(line.strip());
        if (fields.length != 3) {
          throw lines.error(
              "expected 3 tab-separated fields (query-id, corpus-id, score), found "
                  + fields.length);
        }
        String queryId = lines.requireText(fields[0], "query-id");
        String docId = lines.requireText(fields[1], "corpus-id");
        int grade;
        try {
          grade = Integer.parseInt(fields[2].trim());
        } catch (NumberFormatException e) {
          throw lines.error("score is not an integer: '" + fields[2] + "'");
        }
        Integer previous =
            judgments.computeIfAbsent(queryId, unused -> new LinkedHashMap<>()).put(docId, grade);
        if (previous != null) {
          throw lines.error(
              "query '" + queryId + "' judges document '" + docId + "' a second time");
        }
      }
    }
    return Qrels.of(judgments);
  }

  /** Builds one record from a JSON-lines object whose {@code _id} has been checked. */
  @FunctionalInterface
  private interface JsonRecord<T> {
    T of(LineReader lines, JsonObject json, String id);
  }

  /**
   * The first {@code limit} objects of a JSON-lines file as records, in file order: blank lines are
   * skipped, every other line must be a JSON object with an {@code _id} not seen before.
   */
  private static <T> List<T> readObjects(Path file, int limit, JsonRecord<T> record)
      throws IOException {
    LineReader.requireLimit(limit);
    List<T> records = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    try (LineReader lines = new LineReader(file)) {
      String line;
      while (records.size() < limit && (line = lines.next()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonObject json = parseObject(lines, line);
        records.add(record.of(lines, json, requireId(lines, json, ids)));
      }
    }
    return records;
  }

  private static JsonObject parseObject(LineReader lines, String line) {
    JsonElement element;
    try {
      element = JsonParser.parseString(line);
    } catch (JsonParseException e) {
      throw lines.error("not valid JSON: " + e.getMessage());
    }
    if (!element.isJsonObject()) {
      throw lines.error("expected a JSON object, found " + abbreviate(line));
    }
    return element.getAsJsonObject();
  }

  private static String requireId(LineReader lines, JsonObject json, Set<String> seen) {
    JsonElement id = json.get("_id");
    if (id == null || !id.isJsonPrimitive() || id.getAsString().isBlank()) {
      throw lines.error("missing or empty '_id'");
    }
    String value = id.getAsString();
    if (!seen.add(value)) {
      throw lines.error("duplicate _id '" + value + "'");
    }
    return value;
  }

  private static String requiredString(LineReader lines, JsonObject json, String key) {
    String value = optionalString(lines, json, key);
    if (value == null) {
      throw lines.error("missing '" + key + "' (_id " + json.get("_id") + ")");
    }
    return value;
  }

  private static String optionalString(LineReader lines, JsonObject json, String key) {
    JsonElement value = json.get(key);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      throw lines.error("'" + key + "' must be a string (_id " + json.get("_id") + ")");
    }
    return value.getAsString();
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "...";
  }
}
