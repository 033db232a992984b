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
package io.solrecho.solr;

import com.codahale.metrics.Gauge;
import io.solrecho.embed.TextRole;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.core.SolrCore;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * {!echo}: nearest documents by the model's vectors, with Solr's knn options, in hybrid and rerank
 * queries.
 */
public class EchoQueryTest extends EchoSolrTestCase {
  private static final Map<String, String[]> DOCS = new LinkedHashMap<>();

  static {
    DOCS.put("cat", new String[] {"animals", "The cat sleeps on the warm windowsill."});
    DOCS.put("dog", new String[] {"animals", "A dog chased the ball across the park."});
    DOCS.put("horse", new String[] {"animals", "Horses graze in the green meadow."});
    DOCS.put("bird", new String[] {"animals", "Small birds sing at dawn in the trees."});
    DOCS.put("paris", new String[] {"places", "Paris is the capital of France."});
    DOCS.put("rome", new String[] {"places", "Rome was not built in a day."});
    DOCS.put("tokyo", new String[] {"places", "Tokyo is a huge and busy city in Japan."});
    DOCS.put("stocks", new String[] {"finance", "Stock markets fell sharply on Monday morning."});
    DOCS.put("bank", new String[] {"finance", "The central bank raised interest rates again."});
    DOCS.put("bonds", new String[] {"finance", "Bond yields climbed as inflation worries grew."});
  }

  @BeforeClass
  public static void indexCollection() throws Exception {
    initEchoCore(conf -> {});
    List<SolrInputDocument> docs = new ArrayList<>();
    DOCS.forEach(
        (id, categoryAndText) -> {
          SolrInputDocument doc = textDoc(id, categoryAndText[1]);
          doc.setField("category", categoryAndText[0]);
          docs.add(doc);
        });
    client.add(docs);
    commit();
  }

  private static List<String> ids(String... params) throws Exception {
    QueryResponse rsp = client.query(params(params));
    List<String> ids = new ArrayList<>();
    for (SolrDocument doc : rsp.getResults()) {
      ids.add((String) doc.getFieldValue("id"));
    }
    return ids;
  }

  /**
   * Document ids by decreasing cosine similarity to the query vector of {@code text}, computed
   * here.
   */
  private static List<String> exactRanking(String text) {
    float[] query = embedder.embed(List.of(text), TextRole.QUERY).get(0).vector();
    Map<String, Double> scores = new LinkedHashMap<>();
    DOCS.forEach(
        (id, categoryAndText) -> {
          float[] doc = documentVector(categoryAndText[1]);
          double dot = 0;
          for (int i = 0; i < doc.length; i++) {
            dot += (double) query[i] * doc[i];
          }
          scores.put(id, dot);
        });
    List<String> ranking = new ArrayList<>(scores.keySet());
    ranking.sort(Comparator.comparing(scores::get).reversed());
    return ranking;
  }

  @Test
  public void aDocumentsOwnTextFindsItFirst() throws Exception {
    for (Map.Entry<String, String[]> doc : DOCS.entrySet()) {
      List<String> found = ids("q", "{!echo f=vector topK=3}" + doc.getValue()[1]);
      assertEquals(doc.getKey(), found.get(0));
    }
  }

  @Test
  public void resultsAreTheExactNearestNeighboursInOrder() throws Exception {
    String query = "Which city is the capital of France?";
    assertEquals(exactRanking(query).subList(0, 5), ids("q", "{!echo f=vector topK=5}" + query));
  }

  @Test
  public void topKBoundsTheNumberOfResults() throws Exception {
    assertEquals(3, numFound("{!echo f=vector topK=3}a question about animals"));
    assertEquals(DOCS.size(), numFound("{!echo f=vector topK=100}a question about animals"));
  }

  @Test
  public void filterQueriesPreFilterTheNearestNeighbours() throws Exception {
    List<String> found =
        ids(
            "q",
            "{!echo f=vector topK=2}Stock markets fell sharply on Monday morning.",
            "fq",
            "category:animals");
    assertEquals(2, found.size());
    for (String id : found) {
      assertEquals("animals", DOCS.get(id)[0]);
    }
  }

  @Test
  public void anExplicitPreFilterRestrictsTheSearch() throws Exception {
    List<String> found =
        ids(
            "q",
            "{!echo f=vector topK=2 preFilter=category:places}"
                + "Stock markets fell sharply on Monday morning.");
    assertEquals(2, found.size());
    for (String id : found) {
      assertEquals("places", DOCS.get(id)[0]);
    }
  }

  @Test
  public void excludeTagsKeepsATaggedFilterOutOfThePreFilter() throws Exception {
    String query = "Stock markets fell sharply on Monday morning.";
    assertEquals(
        "pre-filtered: the nearest animal",
        1,
        ids("q", "{!echo f=vector topK=1}" + query, "fq", "{!tag=cat}category:animals").size());
    assertEquals(
        "not pre-filtered: the nearest document is not an animal, and the filter then removes it",
        0,
        ids(
                "q",
                "{!echo f=vector topK=1 excludeTags=cat}" + query,
                "fq",
                "{!tag=cat}category:animals")
            .size());
    assertEquals(
        1,
        ids(
                "q",
                "{!echo f=vector topK=1 includeTags=cat}" + query,
                "fq",
                "{!tag=cat}category:animals")
            .size());
  }

  @Test
  public void itCombinesWithLexicalQueriesInBool() throws Exception {
    List<String> found =
        ids(
            "q",
            "{!bool should=$lexical should=$semantic}",
            "lexical",
            "title:tokyo",
            "semantic",
            "{!echo f=vector topK=2}Paris is the capital of France.",
            "fl",
            "id");
    assertTrue(found.toString(), found.contains("tokyo"));
    assertTrue(found.toString(), found.contains("paris"));
  }

  @Test
  public void itReranksTheResultsOfAnotherQuery() throws Exception {
    List<String> found =
        ids(
            "q",
            "category:finance",
            "rq",
            "{!rerank reRankQuery=$semantic reRankDocs=10" + " reRankWeight=10}",
            "semantic",
            "{!echo f=vector topK=10}The central bank raised interest rates again.");
    assertEquals(3, found.size());
    assertEquals("bank", found.get(0));
  }

  /** A statistic of the query vector cache of the core's current searcher, from Solr's metrics. */
  private static long queryCache(String stat) {
    try (SolrCore core = h.getCoreContainer().getCore(CORE)) {
      Gauge<?> cache =
          (Gauge<?>)
              core.getSolrMetricsContext()
                  .getMetricRegistry()
                  .getMetrics()
                  .get("CACHE.searcher." + EchoQParserPlugin.DEFAULT_QUERY_CACHE);
      assertNotNull("the shipped solrconfig.xml declares the query vector cache", cache);
      return ((Number) ((Map<?, ?>) cache.getValue()).get(stat)).longValue();
    }
  }

  @Test
  public void aRepeatedQueryIsServedFromSolrsQueryVectorCache() throws Exception {
    String q = "{!echo f=vector topK=3}a query asked twice";
    long embeddings = metric("QUERY.echo.toy.embeddings");
    long lookups = queryCache("lookups");
    long hits = queryCache("hits");
    List<String> first = ids("q", q);
    assertEquals(embeddings + 1, metric("QUERY.echo.toy.embeddings"));
    assertEquals(first, ids("q", q));
    assertEquals("embedded once", embeddings + 1, metric("QUERY.echo.toy.embeddings"));
    assertEquals(lookups + 2, queryCache("lookups"));
    assertEquals(hits + 1, queryCache("hits"));
    try (SolrCore core = h.getCoreContainer().getCore(CORE)) {
      assertFalse(
          "cache statistics only in Solr's cache metrics",
          core.getSolrMetricsContext().getMetricNames().stream()
              .anyMatch(name -> name.startsWith("QUERY.echo.") && name.contains("cache")));
    }
  }

  @Test
  public void aNewSearcherKeepsTheCachedQueryVectors() throws Exception {
    String q = "{!echo f=vector topK=3}a query asked before and after a commit";
    List<String> before = ids("q", q);
    long embeddings = metric("QUERY.echo.toy.embeddings");
    addDocs(textDoc("added", "A document that opens a new searcher."));
    commit();
    try {
      assertEquals("a fresh cache", 0, queryCache("lookups"));
      assertTrue("warmed with the old entries", queryCache("size") >= 1);
      List<String> after = ids("q", q, "fq", "-id:added");
      assertEquals(before, after);
      assertEquals("not embedded again", embeddings, metric("QUERY.echo.toy.embeddings"));
      assertEquals(1, queryCache("hits"));
    } finally {
      client.deleteById("added");
      commit();
    }
  }

  @Test
  public void withoutTheCacheEveryQueryIsEmbedded() throws Exception {
    createCore(
        "uncached",
        conf ->
            EchoConfigSet.edit(
                conf,
                "solrconfig.xml",
                "<cache name=\"" + EchoQParserPlugin.DEFAULT_QUERY_CACHE + "\"",
                "<cache name=\"unused\""));
    try {
      EmbeddedSolrServer uncached = new EmbeddedSolrServer(h.getCoreContainer(), "uncached");
      uncached.add(textDoc("cat", "The cat sleeps on the warm windowsill."));
      uncached.commit();
      String q = "{!echo f=vector topK=1}a sleeping cat";
      long embeddings = metric("uncached", "QUERY.echo.toy.embeddings");
      for (int i = 1; i <= 2; i++) {
        assertEquals(1, uncached.query(params("q", q)).getResults().getNumFound());
        assertEquals(embeddings + i, metric("uncached", "QUERY.echo.toy.embeddings"));
      }
    } finally {
      h.getCoreContainer().unload("uncached", true, true, true);
    }
  }
}
