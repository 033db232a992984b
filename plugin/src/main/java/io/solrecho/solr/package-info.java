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
/**
 * Solr glue: echo embeddings written at index time and searched with {@code {!echo}}.
 *
 * <p>A thin layer over {@link io.solrecho.embed}: configuration is read and checked once, when a
 * core loads, and each request hands texts to a model's {@link io.solrecho.embed.EmbeddingService}.
 * Nothing below this package knows Solr.
 *
 * <h2>Configuration</h2>
 *
 * <p>Models are declared once per configset, in {@code echo-models.json} beside solrconfig.xml
 * (read through the core's resource loader, so in SolrCloud it lives in ZooKeeper with the rest of
 * the configset). Processors and query parsers name a model; model folders come only from this
 * file, never from a request. {@code ${property:default}} in a value is replaced by the system
 * property; a relative {@code path} resolves against {@code -Dsolr.echo.models.dir}, else the Solr
 * home.
 *
 * <pre>
 * {"models": {"toy": {"path": "${solr.echo.model.dir:models/tiny-gpt2}", "device": "cpu",
 *   "dtype": "float32", "mode": "echo", "documentTemplate": "...{x}...{x}", "queryTemplate": "...",
 *   "instruction": "...", "pooling": "mean", "normalize": true, "spans": "pieces", "maxTokens": 100,
 *   "batchSize": 16, "addBos": false, "queueCapacity": 1024, "timeoutMs": 60000}}}
 * </pre>
 *
 * <p>See {@link io.solrecho.solr.EchoUpdateProcessorFactory} and {@link
 * io.solrecho.solr.EchoQParserPlugin} for their parameters, and {@code solr-config/conf} in the
 * repository for a complete configset.
 *
 * <h2>Sharing</h2>
 *
 * <p>{@link io.solrecho.solr.EchoModelRegistry} holds one model per node for every declaration with
 * the same folder and settings (whatever its name, whichever configset): each processor factory and
 * query parser takes a lease when its core loads and returns it when the core closes; the model
 * loads on first use and closes with its last lease, or with the node (the registry lives in the
 * {@code CoreContainer}'s object cache). Loaded models and their memory are reported in the node's
 * metrics; what each processor and parser embedded, in its core's ({@link
 * io.solrecho.solr.EchoUpdateMetrics}, {@link io.solrecho.solr.EchoQueryMetrics}).
 *
 * <h2>Documents</h2>
 *
 * <p>{@link io.solrecho.solr.EchoUpdateProcessorFactory} writes each document's vector and
 * fingerprint; {@link io.solrecho.solr.DocumentText} says what its text is, {@link
 * io.solrecho.solr.LatestInputFields} what an atomic update leaves of it; with {@code passages} the
 * text of a root document is also cut into passages ({@link io.solrecho.embed.PassageSplitter}),
 * stored as its child documents ({@link io.solrecho.solr.PassageSettings}); {@link
 * io.solrecho.solr.StoredVectors} finds the stored vectors of unchanged texts ({@code
 * reuseVectors}). What the chain guarantees for whole documents, atomic updates, failing documents,
 * tolerant chains and nested documents, and why the processor runs before {@code
 * DistributedUpdateProcessorFactory}, is written once, in the README ("What the update chain
 * guarantees"), next to the tests that hold it.
 *
 * <h2>Queries</h2>
 *
 * <p>The query parser embeds with the query template of its default model or of the declared model
 * the request names, caches query vectors in a Solr user cache ({@link
 * io.solrecho.solr.QueryVectors}), and refuses a query (400) when live documents carry vectors of
 * another model fingerprint in the fingerprint field (checked once per searcher). With {@code
 * which} or {@code childrenOf} it searches child documents with vectors, such as passages, and
 * ranks their parents ({@link io.solrecho.solr.PassageQuery}).
 */
package io.solrecho.solr;
