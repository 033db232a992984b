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

import io.solrecho.embed.Embedding;
import io.solrecho.embed.TextRole;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.solr.common.SolrInputDocument;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Eight threads indexing while two others query: every document gets exactly its own vector, once.
 */
public class EchoConcurrencyTest extends EchoSolrTestCase {
  private static final int INDEXERS = 8;
  private static final int REQUESTS_PER_INDEXER = 4;
  private static final int DOCS_PER_REQUEST = 3;

  @BeforeClass
  public static void startCore() throws Exception {
    initEchoCore(conf -> {});
  }

  private static String text(int thread, int doc) {
    return "Thread "
        + thread
        + " wrote document "
        + doc
        + (doc % 2 == 0 ? " about cats." : " about the stock market.");
  }

  @Test
  public void concurrentIndexingAndQueriesGiveEachDocumentItsOwnVectorOnce() throws Exception {
    long embeddings = metric("UPDATE.echo.vector.embeddings");
    ExecutorService pool = Executors.newFixedThreadPool(INDEXERS + 2);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < INDEXERS; t++) {
        int thread = t;
        work.add(
            pool.submit(
                () -> {
                  for (int r = 0; r < REQUESTS_PER_INDEXER; r++) {
                    List<SolrInputDocument> docs = new ArrayList<>();
                    for (int d = 0; d < DOCS_PER_REQUEST; d++) {
                      int doc = r * DOCS_PER_REQUEST + d;
                      docs.add(textDoc(thread + "-" + doc, text(thread, doc)));
                    }
                    client.add(docs);
                  }
                  return null;
                }));
      }
      for (int q = 0; q < 2; q++) {
        int querier = q;
        work.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 15; i++) {
                    client.query(
                        params("q", "{!echo f=vector topK=5}query " + (i % 5) + " of " + querier));
                  }
                  return null;
                }));
      }
      for (Future<?> f : work) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdown();
      assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
    }
    commit();
    int total = INDEXERS * REQUESTS_PER_INDEXER * DOCS_PER_REQUEST;
    assertEquals(total, numFound("*:*"));
    assertEquals(
        "each document embedded once", total, metric("UPDATE.echo.vector.embeddings") - embeddings);
    assertEquals(0, metric("UPDATE.echo.vector.errors"));
    List<String> texts = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int t = 0; t < INDEXERS; t++) {
      for (int d = 0; d < REQUESTS_PER_INDEXER * DOCS_PER_REQUEST; d++) {
        texts.add(text(t, d));
        ids.add(t + "-" + d);
      }
    }
    List<Embedding> expected = embedder.embed(texts, TextRole.DOCUMENT);
    for (int i = 0; i < ids.size(); i++) {
      assertVectorEquals(expected.get(i).vector(), storedVector(ids.get(i)));
    }
  }
}
