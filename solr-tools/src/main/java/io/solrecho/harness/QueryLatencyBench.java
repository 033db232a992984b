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
import io.solrecho.demo.LocalSolr;
import io.solrecho.progress.ProgressBar;
import java.util.List;
import org.apache.solr.client.solrj.SolrQuery;

/**
 * Latency of {@code {!echo f=vector topK=10}} requests as a client sees them (SolrJ over HTTP on
 * localhost), query embedding included: cold, every text new, so each request embeds its text; then
 * warm, the same texts again, so their vectors come from the plugin's query cache. Solr's own
 * queryResultCache must be off ({@link BenchConfigSet}) for warm requests to run the knn search.
 */
final class QueryLatencyBench {
  static final int TOP_K = 10;

  private QueryLatencyBench() {}

  /**
   * @param texts distinct query texts: the first {@code warmup} warm the code up and are not
   *     counted, the others are timed cold and then warm
   */
  static JsonObject run(LocalSolr solr, List<String> texts, int warmup) throws Exception {
    if (texts.size() <= warmup) {
      throw new IllegalArgumentException(
          "need more than " + warmup + " query texts, got " + texts.size());
    }
    for (String text : texts.subList(0, warmup)) {
      query(solr, text);
    }
    List<String> timed = texts.subList(warmup, texts.size());
    JsonObject report = new JsonObject();
    report.addProperty("top_k", TOP_K);
    report.add("cold", time(solr, timed, "bench: queries, cold").json());
    report.add("warm", time(solr, timed, "bench: queries, warm").json());
    return report;
  }

  private static LatencySummary time(LocalSolr solr, List<String> texts, String label)
      throws Exception {
    double[] millis = new double[texts.size()];
    try (ProgressBar progress = ProgressBar.step(label, texts.size(), "queries")) {
      for (int i = 0; i < texts.size(); i++) {
        long start = System.nanoTime();
        query(solr, texts.get(i));
        millis[i] = (System.nanoTime() - start) / 1e6;
        progress.advance(1);
      }
    }
    return LatencySummary.of(millis);
  }

  private static void query(LocalSolr solr, String text) throws Exception {
    SolrQuery request = LocalSolr.echoQuery(text, TOP_K).setFields("id", "score");
    if (solr.solrClient().query(request).getResults().isEmpty()) {
      throw new IllegalStateException(
          "{!echo} found nothing for '" + text + "' (log: " + solr.logFile() + ")");
    }
  }
}
