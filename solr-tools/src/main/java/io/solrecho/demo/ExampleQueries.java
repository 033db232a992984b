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

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;

/**
 * Runs example queries with {@code {!echo}} and prints each one's ranked results (rank, score, id,
 * title, whether it is an expected document), then how many queries found an expected document
 * first and within the top {@value #HIT_AT}.
 */
final class ExampleQueries {
  /** Results shown per query. */
  static final int SHOWN = 5;

  /** The cut-off of the hit@k summary. */
  static final int HIT_AT = 3;

  private static final int TITLE_WIDTH = 48;

  private ExampleQueries() {}

  /** Hit counts over a set of queries. */
  record Summary(int queries, int hitsAt1, int hitsAtK) {}

  static Summary run(SolrClient client, List<SampleCollection.Query> queries, PrintStream out)
      throws SolrServerException, IOException {
    int hitsAt1 = 0;
    int hitsAtK = 0;
    for (SampleCollection.Query query : queries) {
      SolrQuery request = LocalSolr.echoQuery(query.text(), SHOWN);
      request.setFields("id", "title", "score");
      SolrDocumentList results = client.query(request).getResults();
      out.printf(Locale.ROOT, "%n%s  %s%n", query.id(), query.text());
      out.printf(
          Locale.ROOT,
          "     expected: %s%n",
          query.relevant().isEmpty() ? "(none)" : String.join(", ", query.relevant()));
      int rank = 0;
      int firstHit = 0;
      for (SolrDocument doc : results) {
        rank++;
        String id = String.valueOf(doc.getFieldValue("id"));
        boolean expected = query.relevant().contains(id);
        if (expected && firstHit == 0) {
          firstHit = rank;
        }
        out.println(
            String.format(
                    Locale.ROOT,
                    "  %2d  %.4f  %-8s  %-" + TITLE_WIDTH + "s  %s",
                    rank,
                    ((Number) doc.getFieldValue("score")).floatValue(),
                    id,
                    shorten(title(doc)),
                    expected ? "<- expected" : "")
                .stripTrailing());
      }
      if (rank == 0) {
        out.println("     (no results)");
      }
      hitsAt1 += firstHit == 1 ? 1 : 0;
      hitsAtK += firstHit >= 1 && firstHit <= HIT_AT ? 1 : 0;
    }
    Summary summary = new Summary(queries.size(), hitsAt1, hitsAtK);
    out.printf(
        Locale.ROOT,
        "%nhit@1: %d/%d queries (%.0f%%)   hit@%d: %d/%d queries (%.0f%%)%n",
        hitsAt1,
        queries.size(),
        percent(hitsAt1, queries.size()),
        HIT_AT,
        hitsAtK,
        queries.size(),
        percent(hitsAtK, queries.size()));
    return summary;
  }

  private static String title(SolrDocument doc) {
    Object title = doc.getFirstValue("title");
    return title == null ? "" : title.toString();
  }

  private static String shorten(String text) {
    return text.length() <= TITLE_WIDTH ? text : text.substring(0, TITLE_WIDTH - 3) + "...";
  }

  private static double percent(int part, int whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }
}
