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
package io.solrecho.cli;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --cache} and {@code --tokenizer}: where the benchmarks' random SmolLM2-135M-shaped model
 * is written, and its tokenizer. A picocli mixin.
 */
public final class RandomModelOptions {
  @Mixin private ModelCacheOption cache;

  @Option(
      names = "--tokenizer",
      paramLabel = "FILE",
      defaultValue = BenchEmbedCommand.DEFAULT_TOKENIZER,
      description =
          "the random model's tokenizer.json (a .gz file is unpacked); default ${DEFAULT-VALUE}")
  private Path tokenizer;

  /** Where the random model is written. */
  public Path cache() {
    return cache.folder();
  }

  /** The random model's tokenizer.json. */
  public Path tokenizer() {
    return tokenizer;
  }

  /**
   * The random model, written on first use, with the tokenizer.
   *
   * @throws IllegalArgumentException when the tokenizer is not a file
   */
  public Path folder() throws IOException {
    return BenchEmbedCommand.randomModelWithTokenizer(cache.folder(), tokenizer);
  }
}
