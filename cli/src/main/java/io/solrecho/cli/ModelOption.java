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

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --model DIR}, required: the model folder a command runs. A picocli mixin. */
public final class ModelOption {
  @Option(
      names = "--model",
      required = true,
      paramLabel = "DIR",
      description = "a model folder: config.json, tokenizer.json and *.safetensors")
  private Path folder;

  /** The model folder as given. */
  public Path folder() {
    return folder;
  }
}
