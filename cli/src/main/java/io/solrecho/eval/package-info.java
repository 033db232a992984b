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
 * {@code bin/solr-echo eval}: scores embedding setups of a model on semantic textual similarity and
 * a toy study, and on data sets other modules add, and writes a report.
 *
 * <p>{@link io.solrecho.eval.EvalCommand} reads its options ({@code EvalOptions}) into an {@code
 * EvalConfig}, checked before any model loads; {@code Evaluation} loads the model once and embeds
 * every distinct text once per {@link io.solrecho.eval.EmbeddingSetup}. The pieces:
 *
 * <ul>
 *   <li>data: {@link io.solrecho.eval.EvalData} finds the sets in a local folder ({@code
 *       LocalEvalData}, the original files) or on the Hugging Face hub at pinned revisions ({@code
 *       HubEvalData}, {@link io.solrecho.eval.HubDataFile}); the readers of each format ({@link
 *       io.solrecho.eval.StsBenchmarkReader}, {@link io.solrecho.eval.SickReader}, {@link
 *       io.solrecho.eval.SemEvalStsReader}, {@link io.solrecho.eval.StsJsonlReader}, {@link
 *       io.solrecho.eval.BeirReader}, {@link io.solrecho.eval.ToyTriplets}) report malformed input
 *       as {@code file:line} ({@link io.solrecho.eval.MalformedDataException});
 *   <li>scores: {@link io.solrecho.eval.StsEvaluator} (Spearman of cosine similarities), {@link
 *       io.solrecho.eval.ToyStudy}, and for retrieval {@link io.solrecho.eval.RetrievalEvaluator}
 *       ({@link io.solrecho.eval.NdcgAtK}, {@link io.solrecho.eval.RecallAtK}) and {@link
 *       io.solrecho.eval.ReciprocalRankFusion};
 *   <li>report: each result is a {@link io.solrecho.eval.ReportSection}; {@link
 *       io.solrecho.eval.ReportWriter} writes the {@link io.solrecho.eval.EvalReport} as Markdown
 *       ({@link io.solrecho.eval.MarkdownTable}), JSON and PNG charts.
 * </ul>
 *
 * <p>Other modules add data sets through {@link io.solrecho.eval.EvalDataset} and {@link
 * java.util.ServiceLoader} (retrieval through a real Solr, in the solr-tools module). This package
 * embeds with {@link io.solrecho.embed}, plugs into the command line of {@link io.solrecho.cli},
 * and downloads with {@link io.solrecho.download}; no Solr here.
 */
package io.solrecho.eval;
