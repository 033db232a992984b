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
 * Reads a data set in BEIR's formats, in place: a corpus ({@code corpus.jsonl}, one JSON object per
 * line with {@code _id}, {@code title}, {@code text}), queries ({@code queries.jsonl}, {@code _id},
 * {@code text}), both possibly gzipped ({@code .jsonl.gz}, as on the Hugging Face hub), and a
 * folder of judgments {@code <split>.tsv} (header {@code query-id, corpus-id, score}, then one
 * tab-separated judgment per line). Other JSON keys are ignored; in SciFact the queries' {@code
 * metadata} holds the cited evidence, i.e. the answers, and must not reach a retriever. Ids must be
 * unique.
 */
public final class BeirReader {
  private static final Pattern SPLIT = Pattern.compile("[A-Za-z0-9_-]+");
  private static final List<String> QRELS_HEADER = List.of("query-id", "corpus-id", "score");

  private final Path corpusFile;
  private final Path queriesFile;
  private final Path qrelsFolder;

  /**
   * A data set in BEIR's folder layout.
   *
   * @param dir the data set folder, e.g. {@code scifact-beir}, holding corpus.jsonl, queries.jsonl
   *     and qrels/
   */
  public BeirReader(Path dir) {
    this(
        dir == null ? null : dir.resolve("corpus.jsonl"),
        dir == null ? null : dir.resolve("queries.jsonl"),
        dir == null ? null : dir.resolve("qrels"));
  }

  /**
   * A data set whose files lie anywhere, as when its parts come from separate repositories.
   *
   * @param corpusFile the corpus, {@code .jsonl} or {@code .jsonl.gz}
   * @param queriesFile the queries, {@code .jsonl} or {@code .jsonl.gz}
   * @param qrelsFolder the folder holding {@code <split>.tsv}
   */
  public BeirReader(Path corpusFile, Path queriesFile, Path qrelsFolder) {
    if (qrelsFolder == null) {
      throw new IllegalArgumentException("BEIR qrels folder must not be null");
    }
    this.corpusFile = LineReader.requireFile(corpusFile, "BEIR corpus");
    this.queriesFile = LineReader.requireFile(queriesFile, "BEIR queries");
    this.qrelsFolder = qrelsFolder;
  }

  /** Every corpus document, in file order. */
  public List<BeirDocument> readCorpus() throws IOException {
    Set<String> ids = new HashSet<>();
    return JsonLines.read(
        corpusFile,
        (lines, json) -> {
          String id = requireId(lines, json, ids);
          String title = JsonLines.optionalString(lines, json, "title");
          String text = JsonLines.requiredString(lines, json, "text");
          return new BeirDocument(id, title == null ? "" : title, text);
        });
  }

  /** Every query, in file order. */
  public List<BeirQuery> readQueries() throws IOException {
    Set<String> ids = new HashSet<>();
    return JsonLines.read(
        queriesFile,
        (lines, json) ->
            new BeirQuery(
                requireId(lines, json, ids), JsonLines.requiredString(lines, json, "text")));
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
        LineReader.requireFile(qrelsFolder.resolve(split + ".tsv"), "BEIR qrels of split " + split);
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
}
