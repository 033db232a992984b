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
 * Measurements through a real local Solr: {@code bin/solr-echo bench} and eval's retrieval data
 * set.
 *
 * <p>{@link io.solrecho.harness.BenchCommand} measures what the plugin costs (the engine's forward
 * pass and embedding throughput, reused from {@link io.solrecho.cli}; indexing through the echo
 * chain against the engine alone, {@code IndexingBench}; query latency, {@code QueryLatencyBench};
 * memory over a long run, {@code SolrMemoryBench}) and writes JSON and Markdown ({@code
 * BenchReport}). {@link io.solrecho.harness.SciFactDataset} adds SciFact to {@code eval} (an {@link
 * io.solrecho.eval.EvalDataset}): {@code SciFactRetrieval} indexes a {@code BeirSubset} into a
 * {@code SolrCorpus} and ranks by BM25 ({@code LexicalQuery}), echo and classical knn and their
 * fusion, reported by {@code SolrRetrievalSection}.
 *
 * <p>Each measurement declares its own model ({@code ModelDeclaration}, {@code RetrievalModels}) in
 * a copy of the shipped configset ({@code ExperimentConfigSet}), and runs it on the {@link
 * io.solrecho.demo.LocalSolr} of {@link io.solrecho.demo}.
 */
package io.solrecho.harness;
