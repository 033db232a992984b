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

import io.solrecho.cli.Command;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bin/solr-echo eval}: scores a model folder on STS (STS-B, SICK-R, STS12-16) and the toy
 * study for several embedding setups, and on the data sets other modules add ({@link EvalDataset}),
 * and writes a report folder (Markdown, JSON, PNG charts). The data sets come from the Hugging Face
 * hub at pinned revisions (downloaded once into a cache), or from a local folder ({@code --data}).
 */
@CommandLine.Command(
    name = "eval",
    description = {
      "STS and toy-study evaluation of echo, classical and PromptEOL setups, and the data sets"
          + " of other modules; writes a report folder.",
      ""
    })
public final class EvalCommand implements Command {
  private final Map<String, String> environment;
  private final PrintStream err;

  /** The data sets of other modules on the classpath, by key. */
  private final Map<String, EvalDataset> extensions;

  @Mixin private EvalOptions options;

  /** The command as {@code bin/solr-echo} runs it: the process environment, errors on stderr. */
  public EvalCommand() {
    this(System.getenv(), System.err);
  }

  /**
   * @param environment HF_ENDPOINT, HF_TOKEN and XDG_CACHE_HOME, where set
   * @param err where a data set that cannot be had is reported
   */
  EvalCommand(Map<String, String> environment, PrintStream err) {
    this.environment = environment;
    this.err = err;
    this.extensions = EvalConfig.extensions();
  }

  /** Eval's options, the options of the other modules' data sets, and the data sets' list. */
  @Override
  public CommandSpec commandSpec() {
    CommandSpec spec = CommandSpec.forAnnotatedObject(this);
    for (EvalDataset extension : extensions.values()) {
      if (extension.options() != null) {
        spec.addMixin(extension.key(), CommandSpec.forAnnotatedObject(extension.options()));
      }
    }
    spec.usageMessage().footer(datasetList().toArray(new String[0]));
    return spec;
  }

  /** The footer of the usage help: every data set's key and what it is. */
  private List<String> datasetList() {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("Data sets (--datasets):");
    for (StsDataset dataset : StsDataset.values()) {
      lines.add(
          String.format(
              Locale.ROOT,
              "  %-9s %s: Spearman's correlation of cosine similarity with the gold scores",
              dataset.key(),
              dataset.title()));
    }
    lines.add(
        String.format(
            Locale.ROOT,
            "  %-9s the paper's S1/S2 test on 40 triplets written for this project",
            EvalConfig.TOY));
    for (EvalDataset extension : extensions.values()) {
      // usage help lines are format strings: a '%' of the description stays a '%'
      lines.add(
          String.format(
              Locale.ROOT,
              "  %-9s %s",
              extension.key(),
              extension.description().replace("%", "%%")));
    }
    return lines;
  }

  /**
   * Runs the evaluation and writes the report; prints the report's Markdown and the files written.
   *
   * @return 0, or 1 when a data set cannot be downloaded (reported on {@code err})
   * @throws IllegalArgumentException for a bad option, missing local data, or a text the model
   *     cannot take
   */
  @Override
  public int run(PrintStream out) throws Exception {
    EvalConfig config;
    try {
      config = EvalConfig.read(options, environment, extensions);
    } catch (DataUnavailableException e) {
      err.println("solr-echo eval: " + e.getMessage());
      return 1;
    }
    EvalReport report = new Evaluation(config).run();
    out.print(ReportWriter.markdown(report));
    out.println();
    for (Path file : ReportWriter.write(report, config.out)) {
      out.println("wrote " + file);
    }
    out.flush();
    return 0;
  }
}
