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
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Timer;
import org.apache.solr.metrics.SolrMetricsContext;

/**
 * The metrics of one {@link EchoUpdateProcessorFactory}, in its core's registry under {@code
 * UPDATE.echo.<outputField>.*}: texts embedded (documents and passages), prompt tokens, truncated
 * texts, documents rejected and skipped, atomic updates that kept their vector, texts whose stored
 * vector was reused, passages written, texts per batch, and the time each batch waited for its
 * vectors.
 */
final class EchoUpdateMetrics {
  final Counter embeddings;
  final Counter tokens;
  final Counter truncated;
  final Counter errors;
  final Counter skipped;
  final Counter unchanged;
  final Counter reused;
  final Counter passages;
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
    this.reused = context.counter("reused", path);
    this.passages = context.counter("passages", path);
    this.batchSize = context.histogram("batchSize", path);
    this.embedTime = context.timer("embedTime", path);
  }
}
