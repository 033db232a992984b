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

import com.codahale.metrics.Timer;
import io.solrecho.embed.Embedding;
import io.solrecho.embed.EmbeddingFailedException;
import io.solrecho.embed.TextRole;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.solr.common.SolrException;
import org.apache.solr.search.SolrCache;
import org.apache.solr.search.SolrIndexSearcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Query vectors, from the searcher's user cache of that name (a {@code solr.CaffeineCache} in
 * solrconfig.xml, whose hits, misses and evictions are in Solr's cache metrics) or else from the
 * model. Without such a cache every query is embedded.
 */
final class QueryVectors {
  private static final Logger log = LoggerFactory.getLogger(MethodHandles.lookup().lookupClass());

  private final String cacheName;
  private final AtomicBoolean reportedMissingCache = new AtomicBoolean();

  QueryVectors(String cacheName) {
    this.cacheName = cacheName;
  }

  /**
   * The query vector of {@code text} with {@code model}; the cached array is shared, never to be
   * changed.
   *
   * @throws SolrException 400 for text the model refuses, 503 when the model is overloaded or
   *     failing
   */
  float[] of(String text, EchoModel model, SolrIndexSearcher searcher, EchoQueryMetrics metrics) {
    SolrCache<EchoQueryKey, float[]> cache = cache(searcher);
    EchoQueryKey key = new EchoQueryKey(model.fingerprint(), text);
    float[] vector = cache == null ? null : cache.get(key);
    if (vector == null) {
      vector = embed(text, model, metrics);
      if (cache != null) {
        cache.put(key, vector);
      }
    }
    return vector;
  }

  @SuppressWarnings("unchecked")
  private SolrCache<EchoQueryKey, float[]> cache(SolrIndexSearcher searcher) {
    SolrCache<EchoQueryKey, float[]> cache = searcher.getCache(cacheName);
    if (cache == null && reportedMissingCache.compareAndSet(false, true)) {
      log.info(
          "solr-echo: solrconfig.xml declares no cache '{}': query vectors are not cached",
          cacheName);
    }
    return cache;
  }

  private static float[] embed(String text, EchoModel model, EchoQueryMetrics metrics) {
    Embedding embedding;
    try (Timer.Context ignored = metrics.embedTime.time()) {
      embedding = model.service().embed(text, TextRole.QUERY);
    } catch (IllegalArgumentException e) {
      metrics.errors.inc();
      throw new SolrException(
          SolrException.ErrorCode.BAD_REQUEST,
          "the query text cannot be embedded: " + e.getMessage());
    } catch (EmbeddingFailedException e) {
      throw new SolrException(
          SolrException.ErrorCode.SERVICE_UNAVAILABLE,
          "model '"
              + model.definition().name()
              + "' did not embed the query: "
              + e.getMessage()
              + "; retry later",
          e);
    }
    metrics.embeddings.inc();
    metrics.tokens.inc(embedding.tokens());
    return embedding.vector();
  }
}
