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
 * The {@code bin/solr-echo} command line, on picocli, and its built-in commands.
 *
 * <p>{@link io.solrecho.cli.Main} builds one command line from every {@link
 * io.solrecho.cli.Command} found through {@link java.util.ServiceLoader}: the built-in {@code
 * hidden-states} ({@link io.solrecho.cli.HiddenStatesCommand}), {@code embed} ({@link
 * io.solrecho.cli.EmbedCommand}), {@code bench-lm} ({@link io.solrecho.cli.BenchLmCommand}) and
 * {@code bench-embed} ({@link io.solrecho.cli.BenchEmbedCommand}), and those of other modules
 * ({@code eval} from {@link io.solrecho.eval}, {@code demo} and {@code bench} from the solr-tools
 * module). It owns what every command shares: the exit statuses ({@link
 * io.solrecho.cli.ExitStatus}), user-facing failure messages ({@link
 * io.solrecho.cli.FailureMessage}), {@code --version} ({@link io.solrecho.cli.BuildVersion}), the
 * option converters ({@link io.solrecho.cli.Converters}) and the option mixins ({@link
 * io.solrecho.cli.ModelOption}, {@link io.solrecho.cli.DeviceOptions}, the embedding options with
 * {@link io.solrecho.cli.TokenOptions}, {@link io.solrecho.cli.ModelCacheOption}, {@link
 * io.solrecho.cli.RandomModelOptions}).
 *
 * <p>The benchmarks' parts live here too: random model folders of a real model's shape ({@code
 * RandomModel}, written by {@code SafetensorsWriter}), the dense matrix-product rate ({@code
 * MatmulProbe}) and repeated timing ({@code Stopwatch}); {@code bench} in solr-tools reuses the
 * measurements of {@code bench-lm} and {@code bench-embed}.
 *
 * <p>This package uses only the plugin's {@link io.solrecho.embed} and {@link io.solrecho.lm} and
 * names no other package of the command line, so that {@code eval} and the solr-tools module can
 * build on it without a cycle.
 */
package io.solrecho.cli;
