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

import io.solrecho.cli.Arguments;
import io.solrecho.cli.Command;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code bin/solr-echo eval}: scores a model folder on STS (STS-B, SICK-R, STS12-16) and the toy
 * study for several embedding setups, and on the data sets other modules add ({@link EvalDataset}),
 * and writes a report folder (Markdown, JSON, PNG charts). The data sets come from the Hugging Face
 * hub at pinned revisions (downloaded once into a cache), or from a local folder ({@code --data}).
 * Options arrive already checked against the names in {@link #usage()}.
 */
public final class EvalCommand implements Command {
  private final Map<String, String> environment;
  private final PrintStream err;

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
  }

  @Override
  public String name() {
    return "eval";
  }

  @Override
  public String summary() {
    return "STS and toy-study evaluation of echo/classical/PromptEOL setups; writes a report folder";
  }

  @Override
  public String usage() {
    return "usage: bin/solr-echo eval --model DIR --out DIR [--limit N] [--setups LIST] [--datasets LIST]"
        + " [--data DIR | --cache DIR]\n"
        + "  [--echo-template STR] [--classical-template STR] [--prompteol-template STR]\n"
        + "  [--max-tokens N] [--batch-size N] [--max-batch-tokens N] [--add-bos true|false]"
        + " [--spans pieces|offsets]\n"
        + "  [--device auto|cpu|cuda[:N]] [--dtype auto|float32|float16]\n"
        + "  --out       report folder: "
        + ReportWriter.MARKDOWN
        + ", "
        + ReportWriter.JSON
        + ", *.png\n"
        + "  --limit     at most N pairs per STS set, spread evenly over the set (default: all)\n"
        + "  --setups    <mode>-<pooling>, comma-separated (default: echo-mean,echo-last,classical-mean,"
        + "classical-last,prompteol-last)\n"
        + "  --datasets  comma-separated from "
        + EvalConfig.allDatasetNames()
        + " (default: all)\n"
        + "  --data      read the data sets from this folder instead of the hub: stsbenchmark/sts-test.csv,\n"
        + "              sick/SICK.txt, sts12-16/, scifact-beir/ (e.g. --data ../shared/data; see the README)\n"
        + "  --cache     where data sets downloaded from the Hugging Face hub are kept (default:\n"
        + "              $XDG_CACHE_HOME or ~/.cache, then /"
        + EvalConfig.CACHE_FOLDER
        + "); HF_ENDPOINT and HF_TOKEN apply\n"
        + "  --*-template  prompt template of a mode (default: the mode's zero-shot template; \\n for a newline)\n"
        + "  --max-tokens  tokens per copy of a text (default 512); lower it for models with few positions"
        + extensionUsage();
  }

  /** The usage lines of the data sets other modules add, each after a line break. */
  private static String extensionUsage() {
    StringBuilder text = new StringBuilder();
    for (EvalDataset extension : EvalConfig.extensions().values()) {
      if (!extension.usage().isBlank()) {
        text.append('\n').append(extension.usage().stripTrailing());
      }
    }
    return text.toString();
  }

  /**
   * Runs the evaluation and writes the report; prints the report's Markdown and the files written.
   *
   * @return 0, or 1 when a data set cannot be downloaded (reported on {@code err})
   * @throws IllegalArgumentException for a bad option, missing local data, or a text the model
   *     cannot take
   */
  @Override
  public int run(Arguments arguments, PrintStream out) throws Exception {
    return run(name -> arguments.get(name, null), out);
  }

  /** {@link #run(Arguments, PrintStream)} with options looked up by name (null when absent). */
  public int run(Function<String, String> option, PrintStream out) throws Exception {
    EvalConfig config;
    try {
      config = EvalConfig.read(option, environment);
    } catch (DataUnavailableException e) {
      err.println("solr-echo " + name() + ": " + e.getMessage());
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
