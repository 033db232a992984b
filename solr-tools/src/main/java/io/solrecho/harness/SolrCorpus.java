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

import io.solrecho.demo.LocalSolr;
import io.solrecho.demo.ProjectLayout;
import io.solrecho.eval.BeirDocument;
import io.solrecho.eval.BeirQuery;
import io.solrecho.eval.Timing;
import io.solrecho.progress.ProgressBar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/**
 * A BEIR corpus in one collection of a local Solr ({@link LocalSolr}, standalone) whose update
 * chain embeds with one model: documents go in through the echo update chain, queries come back as
 * rankings of document ids. Every step reports progress on stderr and returns its {@link Timing}.
 */
final class SolrCorpus implements AutoCloseable {
  /** Documents per update request; the echo processor embeds each request in batches of its own. */
  static final int BATCH_SIZE = 32;

  private final ExperimentConfigSet configSet;
  private final LocalSolr solr;
  private final String name;

  private SolrCorpus(ExperimentConfigSet configSet, LocalSolr solr, String name) {
    this.configSet = configSet;
    this.solr = solr;
    this.name = name;
  }

  /**
   * Starts a standalone Solr whose collection {@code collection} embeds with {@code model}: the
   * checkout's configset, declaring {@code model} ({@link ExperimentConfigSet}).
   */
  static SolrCorpus start(ModelDeclaration model, String collection) throws Exception {
    ExperimentConfigSet configSet =
        ExperimentConfigSet.declaring(ProjectLayout.locate().configSet(), model);
    try {
      LocalSolr solr =
          LocalSolr.builder(model.folder())
              .configSet(configSet.folder())
              .collection(collection)
              .start();
      return new SolrCorpus(configSet, solr, collection);
    } catch (Exception | Error e) {
      configSet.close();
      throw e;
    }
  }

  /**
   * Indexes {@code documents} (title as {@code title}, text as {@code body}, the fields the echo
   * update chain embeds, joined by a line break) and commits.
   *
   * @throws IllegalStateException when the collection then holds another number of documents
   */
  Timing index(List<BeirDocument> documents, String label) throws Exception {
    List<SolrInputDocument> solrDocuments = new ArrayList<>(documents.size());
    for (BeirDocument document : documents) {
      SolrInputDocument doc = new SolrInputDocument();
      doc.setField("id", document.id());
      if (!document.title().isBlank()) {
        doc.setField("title", document.title());
      }
      doc.setField("body", document.text());
      solrDocuments.add(doc);
    }
    long start = System.nanoTime();
    try (ProgressBar progress = ProgressBar.step(label, documents.size(), "docs")) {
      solr.index(solrDocuments, BATCH_SIZE, (indexed, total) -> progress.update(indexed));
    }
    double seconds = Timing.secondsSince(start);
    long count =
        solr.solrClient().query(new SolrQuery("*:*").setRows(0)).getResults().getNumFound();
    if (count != documents.size()) {
      throw new IllegalStateException(
          "collection "
              + name
              + " holds "
              + count
              + " documents after indexing "
              + documents.size()
              + " (log: "
              + solr.logFile()
              + ")");
    }
    return new Timing(label, seconds, Map.of("docs", (long) documents.size()));
  }

  /** What each query found: query id to document ids, best first; and how long the queries took. */
  record Rankings(Map<String, List<String>> byQuery, Timing timing) {}

  /**
   * The ids of the documents each query finds, best first.
   *
   * @param request the Solr request for a query text; it must return the {@code id} field
   */
  Rankings rank(List<BeirQuery> queries, Function<String, SolrQuery> request, String label)
      throws Exception {
    Map<String, List<String>> rankings = new LinkedHashMap<>();
    long start = System.nanoTime();
    try (ProgressBar progress = ProgressBar.step(label, queries.size(), "queries")) {
      for (BeirQuery query : queries) {
        List<String> ids = new ArrayList<>();
        for (SolrDocument doc : solr.solrClient().query(request.apply(query.text())).getResults()) {
          ids.add(String.valueOf(doc.getFieldValue("id")));
        }
        rankings.put(query.id(), ids);
        progress.advance(1);
      }
    }
    return new Rankings(
        rankings,
        new Timing(label, Timing.secondsSince(start), Map.of("queries", (long) queries.size())));
  }

  /**
   * {@code {!echo}} over the collection's vector field: the {@code depth} nearest documents' ids.
   */
  static SolrQuery echo(String text, int depth) {
    return LocalSolr.echoQuery(text, depth).setFields("id");
  }

  /** Stops Solr and deletes its temporary home and configset. */
  @Override
  public void close() {
    try {
      solr.close();
    } finally {
      configSet.close();
    }
  }
}
