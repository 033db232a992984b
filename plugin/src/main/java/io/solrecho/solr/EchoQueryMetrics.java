package io.solrecho.solr;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import org.apache.solr.metrics.SolrMetricsContext;

/**
 * The metrics of one {@link EchoQParserPlugin}, in its core's registry under {@code
 * QUERY.echo.<model>.*}: query texts embedded, their prompt tokens, query cache hits and misses,
 * rejected queries, and the time to embed a query.
 */
final class EchoQueryMetrics {
  final Counter embeddings;
  final Counter tokens;
  final Counter cacheHits;
  final Counter cacheMisses;
  final Counter errors;
  final Timer embedTime;

  EchoQueryMetrics(SolrMetricsContext context, String model) {
    String[] path = {"QUERY", "echo", model};
    this.embeddings = context.counter("embeddings", path);
    this.tokens = context.counter("tokens", path);
    this.cacheHits = context.counter("cacheHits", path);
    this.cacheMisses = context.counter("cacheMisses", path);
    this.errors = context.counter("errors", path);
    this.embedTime = context.timer("embedTime", path);
  }

  /** Metrics kept outside any registry, for a parser Solr never registered. */
  EchoQueryMetrics() {
    MetricRegistry registry = new MetricRegistry();
    this.embeddings = registry.counter("embeddings");
    this.tokens = registry.counter("tokens");
    this.cacheHits = registry.counter("cacheHits");
    this.cacheMisses = registry.counter("cacheMisses");
    this.errors = registry.counter("errors");
    this.embedTime = registry.timer("embedTime");
  }
}
