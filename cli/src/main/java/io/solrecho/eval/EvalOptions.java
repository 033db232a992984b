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

import io.solrecho.cli.DeviceOptions;
import io.solrecho.cli.ModelOption;
import io.solrecho.cli.TokenOptions;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of {@code bin/solr-echo eval} as picocli reads them; {@link EvalConfig} checks them
 * together and finds the data. The options of the data sets other modules add ({@link
 * EvalDataset#options()}) come beside these.
 */
final class EvalOptions {
  @Mixin ModelOption model;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description =
          "the report folder: "
              + ReportWriter.MARKDOWN
              + " (tables), "
              + ReportWriter.JSON
              + " (raw numbers), *.png (charts)")
  Path out;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description =
          "at most N pairs per STS set (at least 2), spread evenly over the set; default: all")
  Integer limit;

  @Option(
      names = "--setups",
      paramLabel = "MODE-POOLING,...",
      description =
          "the embedding setups; default: echo-mean,echo-last,classical-mean,classical-last,"
              + "prompteol-last")
  String setups;

  @Option(
      names = "--datasets",
      paramLabel = "NAME,...",
      description = "the data sets (listed below), comma-separated; default: all")
  String datasets;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "read the data sets from this folder instead of the hub: stsbenchmark/sts-test.csv,"
              + " sick/SICK.txt, sts12-16/, scifact-beir/ (e.g. --data ../shared/data)")
  Path data;

  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description =
          "where data sets downloaded from the Hugging Face hub are kept (HF_ENDPOINT and"
              + " HF_TOKEN apply); default: $XDG_CACHE_HOME or ~/.cache, then /"
              + EvalConfig.CACHE_FOLDER)
  Path cache;

  @Option(
      names = "--echo-template",
      paramLabel = "TEMPLATE",
      description = "the echo setups' prompt template, \\n for a line break; default: zero-shot")
  String echoTemplate;

  @Option(
      names = "--classical-template",
      paramLabel = "TEMPLATE",
      description = "the classical setups' prompt template; default: zero-shot")
  String classicalTemplate;

  @Option(
      names = "--prompteol-template",
      paramLabel = "TEMPLATE",
      description = "the PromptEOL setup's prompt template; default: zero-shot")
  String prompteolTemplate;

  @Mixin TokenOptions tokens;

  @Mixin DeviceOptions device;
}
