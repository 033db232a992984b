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
 * Text embeddings from a causal language model: echo (the text twice, pooled over the second copy),
 * classical and PromptEOL. Knows nothing of Solr.
 *
 * <p>{@link io.solrecho.embed.EmbeddingSettings} holds every setting that decides a vector (mode,
 * {@link io.solrecho.embed.PromptTemplate}s per {@link io.solrecho.embed.TextRole}, {@link
 * io.solrecho.embed.Pooling}, normalisation, {@link io.solrecho.embed.SpanConvention}, token and
 * batch limits), read from named parameters by {@link io.solrecho.embed.EmbeddingParameters}, the
 * spelling the Solr configuration and the command line share. {@link io.solrecho.embed.Embedder}
 * loads a model folder and turns texts into {@link io.solrecho.embed.Embedding}s: a {@link
 * io.solrecho.embed.PromptEncoder} per role builds each {@link io.solrecho.embed.EncodedPrompt} and
 * its pooled span, micro-batches are cut by length and run through {@link
 * io.solrecho.lm.CausalLanguageModel#meanStates}. {@link io.solrecho.embed.EmbeddingService} puts a
 * bounded queue in front of an embedder for many threads; {@link io.solrecho.embed.PassageSplitter}
 * cuts long texts into {@link io.solrecho.embed.Passage}s; the fingerprint of an embedder says
 * which vectors are comparable.
 *
 * <p>Built on {@link io.solrecho.lm}; used by the Solr glue ({@link io.solrecho.solr}) and the
 * command line.
 */
package io.solrecho.embed;
