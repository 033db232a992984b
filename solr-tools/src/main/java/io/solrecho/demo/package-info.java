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
 * {@code bin/solr-echo demo} and the local Solr the tools run: a real Solr on localhost with the
 * plugin and the shipped configset, exactly as a user installs them.
 *
 * <p>{@link io.solrecho.demo.DemoCommand} finds the checkout ({@link
 * io.solrecho.demo.ProjectLayout}), takes the model folder given or downloads the default one
 * ({@code DefaultModel}, {@link io.solrecho.download}), starts a {@link io.solrecho.demo.LocalSolr}
 * (one node, or a SolrCloud cluster) for the {@link io.solrecho.demo.ModelFolder}, indexes the
 * {@link io.solrecho.demo.SampleCollection} with progress ({@link io.solrecho.demo.IndexProgress})
 * and runs its example queries ({@code ExampleQueries}). {@link io.solrecho.demo.ModelsFile} reads
 * a configset's {@code echo-models.json}; {@link io.solrecho.demo.ConfigSetFiles} copies a
 * configset as it is.
 *
 * <p>Plugs into the command line of {@link io.solrecho.cli}; {@link io.solrecho.harness} runs its
 * measurements on {@code LocalSolr}.
 */
package io.solrecho.demo;
