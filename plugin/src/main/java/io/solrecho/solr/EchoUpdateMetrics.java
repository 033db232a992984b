package io.solrecho.solr;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Timer;
import org.apache.solr.metrics.SolrMetricsContext;

/**
 * The metrics of one {@link EchoUpdateProcessorFactory}, in its core's registry under
 * {@code UPDATE.echo.<outputField>.*}: documents embedded, prompt tokens, truncated texts, documents
 * rejected and skipped, atomic updates that kept their vector, texts per batch, and the time each
 * batch waited for its vectors.
 */
final class EchoUpdateMetrics {
  final Counter embeddings;
  final Counter tokens;
  final Counter truncated;
  final Counter errors;
  final Counter skipped;
  final Counter unchanged;
  final Histogram batchSize;
  final Timer embedTime;

  EchoUpdateMetrics(SolrMetricsContext context, String outputField) {
    String[] path = {"UPDATE", "echo", outputField};
    this.embeddings = context.counter("embeddings", path);
    this.tokens = context.counter("tokens", path);
    this.truncated = context.counter("truncated", path);
    this.errors = context.counter("errors", path);
    this.skipped = context.counter("skipped", path);
    this.unchanged = context.counter("unchanged", path);
    this.batchSize = context.histogram("batchSize", path);
    this.embedTime = context.timer("embedTime", path);
  }
}
