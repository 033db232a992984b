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
package io.solrecho.harness;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.solrecho.eval.BarChart;
import io.solrecho.eval.MarkdownTable;
import io.solrecho.eval.ReportSection;
import io.solrecho.eval.RetrievalScores;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Retrieval through a real Solr on one BEIR data set: nDCG@10 and Recall@100 of each system
 * (lexical BM25, echo and classical knn, hybrid), as a table and a bar chart ({@code
 * KEY-retrieval.png}), with what was indexed and, for a limited run, why the numbers are not
 * comparable to published ones.
 */
final class SolrRetrievalSection implements ReportSection {
  private final String key;
  private final String title;
  private final Map<String, Retriever> systems;
  private final Map<String, RetrievalScores> scores;
  private final Corpus corpus;
  private final Map<String, String> prompts;

  /** One system: its name and how it ranks documents. */
  record Retriever(String name, String how) {}

  /**
   * What was searched.
   *
   * @param split the BEIR split whose queries were run
   * @param queries judged queries run
   * @param documents documents indexed
   * @param judgedDocuments indexed documents judged for those queries
   * @param corpusTotal documents of the whole corpus
   * @param limited whether queries or documents were left out
   * @param selection how a limited subset was chosen (null when not limited)
   */
  record Corpus(
      String split,
      int queries,
      int documents,
      int judgedDocuments,
      int corpusTotal,
      boolean limited,
      String selection) {}

  /**
   * @param key section key (the data set's key in --datasets), e.g. {@code scifact}
   * @param systems the systems by key, in row order
   * @param scores the scores of every system, by the same keys
   * @param prompts the knn systems' templates and prompt settings by label, for the report
   */
  SolrRetrievalSection(
      String key,
      String title,
      List<Retriever> systems,
      Map<String, RetrievalScores> scores,
      Corpus corpus,
      Map<String, String> prompts) {
    Map<String, Retriever> byName = new LinkedHashMap<>();
    for (Retriever system : systems) {
      if (!scores.containsKey(system.name())) {
        throw new IllegalArgumentException("system " + system.name() + " has no scores");
      }
      byName.put(system.name(), system);
    }
    if (byName.isEmpty()) {
      throw new IllegalArgumentException("a retrieval section needs at least one system");
    }
    this.key = key;
    this.title = title;
    this.systems = Collections.unmodifiableMap(byName);
    this.scores = Map.copyOf(scores);
    this.corpus = corpus;
    this.prompts = Collections.unmodifiableMap(new LinkedHashMap<>(prompts));
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public String markdown() {
    RetrievalScores any = scores.values().iterator().next();
    String ndcg = "nDCG@" + any.ndcgK();
    String recall = "Recall@" + any.recallK();
    MarkdownTable table = new MarkdownTable("system", ndcg, recall, "how");
    for (Retriever system : systems.values()) {
      RetrievalScores s = scores.get(system.name());
      table.row(
          system.name(),
          MarkdownTable.numberMarkingBest(s.meanNdcg(), column(true), 4),
          MarkdownTable.numberMarkingBest(s.meanRecall(), column(false), 4),
          system.how());
    }
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "%s and %s (fractions, higher is better; BEIR papers print them x100; best"
                + " per column in bold) over %d %s queries with a relevant judgment, searching %d documents indexed in a local"
                + " Solr through the echo update chain (title and text as the fields `title` and `body`).%n%n",
            ndcg,
            recall,
            any.queriesEvaluated(),
            corpus.split(),
            corpus.documents()));
    md.append(table).append('\n');
    if (corpus.limited()) {
      md.append(
          String.format(
              Locale.ROOT,
              "**Limited run, not comparable to published numbers**: %s: %d queries and"
                  + " %d of the corpus's %d documents (%d of them judged for these queries). With fewer distractors every"
                  + " system scores higher than on the whole corpus.%n%n",
              corpus.selection(),
              corpus.queries(),
              corpus.documents(),
              corpus.corpusTotal(),
              corpus.judgedDocuments()));
    }
    MarkdownTable promptTable = new MarkdownTable("prompt", "value");
    prompts.forEach((label, value) -> promptTable.row(label, MarkdownTable.code(value)));
    md.append(
            "Prompts of the knn systems (mean pooling over the last copy of the text, normalised vectors,"
                + " cosine similarity, Solr's HNSW index):\n\n")
        .append(promptTable);
    if (any.queriesWithoutRelevant() > 0) {
      md.append(
          String.format(
              Locale.ROOT,
              "%n%d judged queries have no relevant judgment and are left out.%n",
              any.queriesWithoutRelevant()));
    }
    return md.toString();
  }

  @Override
  public JsonElement json() {
    JsonObject root = new JsonObject();
    RetrievalScores any = scores.values().iterator().next();
    root.addProperty("split", corpus.split());
    root.addProperty("queries", corpus.queries());
    root.addProperty("queries_evaluated", any.queriesEvaluated());
    root.addProperty("queries_without_relevant", any.queriesWithoutRelevant());
    root.addProperty("documents", corpus.documents());
    root.addProperty("judged_documents", corpus.judgedDocuments());
    root.addProperty("corpus_documents", corpus.corpusTotal());
    root.addProperty("limited", corpus.limited());
    root.add(
        "selection", corpus.selection() == null ? null : new JsonPrimitive(corpus.selection()));
    JsonObject all = new JsonObject();
    for (Retriever system : systems.values()) {
      RetrievalScores s = scores.get(system.name());
      JsonObject entry = new JsonObject();
      entry.addProperty("ndcg_at_" + s.ndcgK(), s.meanNdcg());
      entry.addProperty("recall_at_" + s.recallK(), s.meanRecall());
      entry.addProperty("how", system.how());
      all.add(system.name(), entry);
    }
    root.add("scores", all);
    JsonObject promptJson = new JsonObject();
    prompts.forEach(promptJson::addProperty);
    root.add("prompts", promptJson);
    return root;
  }

  @Override
  public List<BarChart> charts() {
    RetrievalScores any = scores.values().iterator().next();
    Map<String, List<Double>> series = new LinkedHashMap<>();
    series.put("nDCG@" + any.ndcgK(), column(true));
    series.put("Recall@" + any.recallK(), column(false));
    return List.of(
        new BarChart(
            key + "-retrieval.png",
            title,
            "score",
            new ArrayList<>(systems.keySet()),
            series,
            0.0,
            1.0));
  }

  private List<Double> column(boolean ndcg) {
    List<Double> values = new ArrayList<>();
    for (String system : systems.keySet()) {
      values.add(ndcg ? scores.get(system).meanNdcg() : scores.get(system).meanRecall());
    }
    return values;
  }
}
