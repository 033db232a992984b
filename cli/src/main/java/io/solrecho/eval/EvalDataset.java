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
package io.solrecho.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A data set that a module beside the CLI adds to {@code bin/solr-echo eval}, found through {@link
 * java.util.ServiceLoader} ({@code META-INF/services/io.solrecho.eval.EvalDataset}); retrieval
 * through a real Solr is one. It is named in {@code --datasets} like the built-in sets (and runs by
 * default), its own options ({@link #options()}) are options of {@code eval}, and the sections it
 * returns go into the report after the built-in ones.
 */
public interface EvalDataset {
  /** The name in {@code --datasets}, lower-case letters, digits and '-', e.g. {@code scifact}. */
  String key();

  /** One line (under 85 characters) for eval's help: what the data set is and how it is scored. */
  String description();

  /**
   * An object whose picocli {@code @Option} fields are this data set's own options (each named
   * {@code --KEY-...}), set from eval's command line before {@link #prepare}; null when it has
   * none.
   */
  default Object options() {
    return null;
  }

  /**
   * Checks its options, then finds the data set's files, before anything runs (no model loaded), so
   * that a bad option or missing data fails at once.
   *
   * @param data where the data sets are found: a local folder ({@code --data DIR}) or the hub
   * @param eval what eval's own options say
   * @return the evaluation, to be run after the built-in data sets
   * @throws IllegalArgumentException naming the option that is wrong, or the missing local data
   * @throws DataUnavailableException when the data set cannot be downloaded
   */
  Run prepare(EvalData data, Context eval) throws IOException;

  /**
   * What eval's own options say, for a data set of another module.
   *
   * @param model the model folder ({@code --model})
   * @param limit {@code --limit} when given
   * @param modelParameters the model options given ({@code --max-tokens}, {@code --batch-size},
   *     {@code --max-batch-tokens}, {@code --add-bos}, {@code --spans}) and {@code --device} and
   *     {@code --dtype}, by their echo-models.json names ({@code maxTokens}, {@code device}, ...)
   */
  record Context(Path model, OptionalInt limit, Map<String, String> modelParameters) {
    public Context {
      modelParameters = Map.copyOf(modelParameters);
    }
  }

  /** A checked evaluation of one data set. */
  @FunctionalInterface
  interface Run {
    /** Evaluates the data set; may take long and should report progress on stderr. */
    Result run() throws Exception;
  }

  /** What one data set adds to the report: its sections, and the time each of its steps took. */
  record Result(List<ReportSection> sections, List<Timing> timings) {
    public Result {
      sections = List.copyOf(sections);
      timings = List.copyOf(timings);
    }
  }
}
