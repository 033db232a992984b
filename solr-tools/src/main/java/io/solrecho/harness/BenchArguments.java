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
package io.solrecho.harness;

import io.solrecho.cli.Converters;
import io.solrecho.cli.DeviceOptions;
import io.solrecho.cli.RandomModelOptions;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The command line of {@code bin/solr-echo bench} as picocli reads it; {@link BenchOptions#read}
 * checks it and fills in the defaults, which {@code --quick} makes small.
 */
final class BenchArguments {
  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "the folder for " + BenchCommand.JSON + " and " + BenchCommand.MARKDOWN)
  Path out;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description =
          "a model folder; default: a random SmolLM2-135M-shaped model (written once under"
              + " --cache) with --tokenizer")
  Path model;

  @Option(
      names = "--quick",
      paramLabel = "true|false",
      arity = "0..1",
      fallbackValue = "true",
      description =
          "small counts for CI (memory 1000, docs 64, queries 20, seconds 0.5, shapes 4x32,1x16,"
              + " texts 16, callers 1,4); counts given explicitly win")
  boolean quick;

  @Option(
      names = "--memory",
      paramLabel = "N",
      converter = Converters.PositiveInt.class,
      description =
          "documents (embeddings) of the memory run through Solr; default "
              + BenchOptions.DEFAULT_MEMORY)
  Integer memory;

  @Option(
      names = "--docs",
      paramLabel = "N",
      converter = Converters.PositiveInt.class,
      description = "documents of the Solr-against-engine indexing measurement; default 1000")
  Integer docs;

  @Option(
      names = "--queries",
      paramLabel = "N",
      converter = Converters.PositiveInt.class,
      description = "timed {!echo} queries, cold and then warm; default 200")
  Integer queries;

  @Option(
      names = "--seconds",
      paramLabel = "S",
      converter = Converters.PositiveNumber.class,
      description = "minimum timed seconds per forward-pass measurement; default 10")
  Double seconds;

  @Option(
      names = "--shapes",
      paramLabel = "BATCHxLENGTH",
      split = ",",
      description = "forward-pass batch shapes; default 8x128,1x32")
  List<String> shapes;

  @Option(
      names = "--texts",
      paramLabel = "N",
      converter = Converters.PositiveInt.class,
      description = "texts per echo/classical measurement; default 48")
  Integer texts;

  @Option(
      names = "--callers",
      paramLabel = "N,N,...",
      split = ",",
      converter = Converters.PositiveInt.class,
      description = "concurrent callers of the echo/classical measurements; default 1,4,16")
  List<Integer> callers;

  @Option(
      names = "--max-tokens",
      paramLabel = "N",
      converter = Converters.PositiveInt.class,
      description =
          "tokens per copy of a text; default: up to "
              + ModelDeclaration.DEFAULT_MAX_TOKENS
              + ", within the model's positions")
  Integer maxTokens;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      converter = Converters.PositiveInt.class,
      description = "texts per forward pass of the model in Solr; default 16")
  Integer batchSize;

  @Mixin DeviceOptions device;

  @Mixin RandomModelOptions random;
}
