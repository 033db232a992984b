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
import java.util.List;
import java.util.function.Function;

/**
 * A data set that a module beside the CLI adds to {@code bin/solr-echo eval}, found through {@link
 * java.util.ServiceLoader} ({@code META-INF/services/io.solrecho.eval.EvalDataset}); retrieval
 * through a real Solr is one. It is named in {@code --datasets} like the built-in sets (and runs by
 * default), the options in its {@link #usage()} are accepted by {@code eval}, and the sections it
 * returns go into the report after the built-in ones.
 */
public interface EvalDataset {
  /** The name in {@code --datasets}, lower-case letters, digits and '-', e.g. {@code scifact}. */
  String key();

  /**
   * Usage lines for the options this data set reads besides eval's own, each starting with two
   * spaces and {@code --name}; empty when there are none.
   */
  String usage();

  /**
   * Reads and checks the options, then finds the data set's files, before anything runs (no model
   * loaded), so that a bad option or missing data fails at once.
   *
   * @param data where the data sets are found: a local folder ({@code --data DIR}) or the hub
   * @param option an option's value by name without {@code --}, null when absent: eval's own
   *     ({@code model}, {@code limit}, {@code max-tokens}, {@code device}, ...) and those of {@link
   *     #usage()}
   * @return the evaluation, to be run after the built-in data sets
   * @throws IllegalArgumentException naming the option that is wrong, or the missing local data
   * @throws DataUnavailableException when the data set cannot be downloaded
   */
  Run prepare(EvalData data, Function<String, String> option) throws IOException;

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
