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

import com.google.gson.JsonObject;
import io.solrecho.cli.BenchJson;
import io.solrecho.demo.LocalSolr;
import io.solrecho.embed.Embedder;
import io.solrecho.embed.Embedding;
import io.solrecho.embed.EmbeddingSettings;
import io.solrecho.embed.TextRole;
import io.solrecho.lm.LmOptions;
import io.solrecho.progress.ProgressBar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.GenericSolrRequest;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;

/**
 * Documents per second through Solr's echo update chain against the engine alone on the same texts
 * in the same chunks: the engine ({@link Embedder}, the model's settings) embeds the texts {@value
 * #REQUEST_SIZE} at a time; Solr receives them as documents with only a {@code body} (so the
 * embedded text is the same) in update requests of {@value #REQUEST_SIZE}, and commits. The
 * difference is what Solr adds: HTTP, the update chain, Lucene indexing (HNSW graph included) and
 * the commit.
 */
final class IndexingBench {
  /** Texts per engine call and documents per update request. */
  static final int REQUEST_SIZE = 32;

  /** Documents indexed before timing, so that the model is loaded and the code warm. */
  static final int WARMUP = 8;

  private static final String REUSED = "UPDATE.echo.vector.reused";
  private static final String EMBEDDINGS = "UPDATE.echo.vector.embeddings";

  private IndexingBench() {}

  /**
   * @param folder the model folder, for the engine-alone measurement
   * @param settings the embedding settings Solr's model has
   * @param solr a running Solr whose update chain embeds with the same model and settings
   * @param texts the texts to embed, as many as documents to index
   */
  static JsonObject run(
      Path folder, LmOptions lm, EmbeddingSettings settings, LocalSolr solr, List<String> texts)
      throws Exception {
    JsonObject report = new JsonObject();
    report.addProperty("documents", texts.size());
    report.addProperty("request_size", REQUEST_SIZE);
    long tokens = 0;
    double engineSeconds;
    try (Embedder embedder = Embedder.open(folder, lm, settings)) {
      embedder.embed(texts.subList(0, Math.min(WARMUP, texts.size())), TextRole.DOCUMENT);
      long start = System.nanoTime();
      try (ProgressBar progress = ProgressBar.step("bench: engine alone", texts.size(), "texts")) {
        for (int from = 0; from < texts.size(); from += REQUEST_SIZE) {
          List<String> chunk = texts.subList(from, Math.min(texts.size(), from + REQUEST_SIZE));
          for (Embedding embedding : embedder.embed(chunk, TextRole.DOCUMENT)) {
            tokens += embedding.tokens();
          }
          progress.advance(chunk.size());
        }
      }
      engineSeconds = (System.nanoTime() - start) / 1e9;
    }
    JsonObject engine = new JsonObject();
    engine.addProperty("seconds", BenchJson.round(engineSeconds));
    engine.addProperty("docs_per_s", BenchJson.round(texts.size() / engineSeconds));
    engine.addProperty("tokens_per_s", BenchJson.round(tokens / engineSeconds));
    engine.addProperty("mean_prompt_tokens", BenchJson.round((double) tokens / texts.size()));
    report.add("engine", engine);

    solr.index(
        documents("warmup-", texts.subList(0, Math.min(WARMUP, texts.size()))),
        REQUEST_SIZE,
        (indexed, total) -> {});
    List<SolrInputDocument> documents = documents("doc-", texts);
    long start = System.nanoTime();
    try (ProgressBar progress = ProgressBar.step("bench: Solr indexing", texts.size(), "docs")) {
      solr.index(documents, REQUEST_SIZE, (indexed, total) -> progress.update(indexed));
    }
    double solrSeconds = (System.nanoTime() - start) / 1e9;
    JsonObject viaSolr = new JsonObject();
    viaSolr.addProperty("seconds", BenchJson.round(solrSeconds));
    viaSolr.addProperty("docs_per_s", BenchJson.round(texts.size() / solrSeconds));
    report.add("solr", viaSolr);
    report.addProperty("solr_to_engine_time_ratio", BenchJson.round(solrSeconds / engineSeconds));

    // the same documents again, unchanged: their stored vectors are reused (reuseVectors)
    long reusedBefore = counter(solr, REUSED);
    long embeddedBefore = counter(solr, EMBEDDINGS);
    start = System.nanoTime();
    try (ProgressBar progress =
        ProgressBar.step("bench: Solr re-indexing, unchanged", texts.size(), "docs")) {
      solr.index(
          documents("doc-", texts), REQUEST_SIZE, (indexed, total) -> progress.update(indexed));
    }
    double reindexSeconds = (System.nanoTime() - start) / 1e9;
    JsonObject reindex = new JsonObject();
    reindex.addProperty("seconds", BenchJson.round(reindexSeconds));
    reindex.addProperty("docs_per_s", BenchJson.round(texts.size() / reindexSeconds));
    reindex.addProperty("vectors_reused", counter(solr, REUSED) - reusedBefore);
    reindex.addProperty("texts_embedded", counter(solr, EMBEDDINGS) - embeddedBefore);
    report.add("solr_reindex", reindex);
    report.addProperty(
        "first_indexing_to_reindex_time_ratio", BenchJson.round(solrSeconds / reindexSeconds));
    return report;
  }

  /** A counter of the echo update chain, from the metrics API of the (standalone) Solr. */
  private static long counter(LocalSolr solr, String name) throws Exception {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("group", "core");
    params.set("prefix", name);
    NamedList<Object> response =
        solr.solrClient()
            .request(new GenericSolrRequest(SolrRequest.METHOD.GET, "/admin/metrics", params));
    long count = 0;
    for (Map.Entry<String, ?> registry : (NamedList<?>) response.get("metrics")) {
      Object value = ((NamedList<?>) registry.getValue()).get(name);
      count += value == null ? 0 : ((Number) value).longValue();
    }
    return count;
  }

  /** Documents {@code prefix + i} whose {@code body} is the i-th text. */
  static List<SolrInputDocument> documents(String prefix, List<String> texts) {
    List<SolrInputDocument> documents = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      SolrInputDocument doc = new SolrInputDocument();
      doc.setField("id", prefix + i);
      doc.setField("body", texts.get(i));
      documents.add(doc);
    }
    return documents;
  }
}
