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

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import java.util.function.Function;
import org.apache.solr.metrics.SolrMetricsContext;

/**
 * The metrics of one {@link EchoQParserPlugin}, in its core's registry under {@code
 * QUERY.echo.<model>.*}: query texts embedded, their prompt tokens, rejected queries, and the time
 * to embed a query. The query vector cache reports in Solr's cache metrics.
 */
final class EchoQueryMetrics {
  final Counter embeddings;
  final Counter tokens;
  final Counter errors;
  final Timer embedTime;

  EchoQueryMetrics(SolrMetricsContext context, String model) {
    this(
        name -> context.counter(name, "QUERY", "echo", model),
        name -> context.timer(name, "QUERY", "echo", model));
  }

  /** Metrics kept outside any registry, for a parser Solr never registered. */
  EchoQueryMetrics() {
    this(new MetricRegistry());
  }

  private EchoQueryMetrics(MetricRegistry registry) {
    this(registry::counter, registry::timer);
  }

  private EchoQueryMetrics(Function<String, Counter> counters, Function<String, Timer> timers) {
    this.embeddings = counters.apply("embeddings");
    this.tokens = counters.apply("tokens");
    this.errors = counters.apply("errors");
    this.embedTime = timers.apply("embedTime");
  }
}
