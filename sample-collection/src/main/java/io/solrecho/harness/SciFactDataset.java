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

import io.solrecho.eval.EvalDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code bin/solr-echo eval --datasets scifact}: SciFact (BEIR layout, test split) retrieved
 * through a real local Solr by BM25, echo, classical and hybrid, scored by nDCG@10 and Recall@100
 * (see {@link SciFactRetrieval}). Found by the eval command through {@link
 * java.util.ServiceLoader}.
 */
public final class SciFactDataset implements EvalDataset {
  static final String KEY = "scifact";

  /** The data set's folder under the shared data folder. */
  static final String FOLDER = "scifact-beir";

  /**
   * Documents besides the judged ones per query of a limited run, unless --scifact-docs says
   * otherwise.
   */
  static final int OTHER_DOCUMENTS_PER_QUERY = 10;

  /** The eval options passed on to both models, by their echo-models.json names. */
  private static final Map<String, String> MODEL_OPTIONS =
      Map.of(
          "max-tokens",
          "maxTokens",
          "batch-size",
          "batchSize",
          "max-batch-tokens",
          "maxBatchTokens",
          "add-bos",
          "addBos",
          "spans",
          "spans",
          "device",
          "device",
          "dtype",
          "dtype");

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public String usage() {
    return "  dataset scifact: SciFact's test queries (--shared DIR/data/"
        + FOLDER
        + ") through a local Solr with the"
        + " plugin:\n"
        + "    BM25, echo, classical, hybrid RRF; --max-tokens (default: up to 256 within the model's positions),\n"
        + "    --batch-size, --device, --dtype apply; the prompts are the retrieval ones shown in the report\n"
        + "  --scifact-queries N  the first N judged test queries (default: --limit, else all)\n"
        + "  --scifact-docs M     index the judged documents plus the first M others of the corpus\n"
        + "                       (default with N queries: "
        + OTHER_DOCUMENTS_PER_QUERY
        + " x N; else or 'all': the whole corpus)";
  }

  /**
   * Checks the options and the data: the folder {@code DATA/scifact-beir}, the query and document
   * limits, and both model declarations.
   */
  @Override
  public Run prepare(Path data, Function<String, String> option) {
    Path folder = data.resolve(FOLDER);
    if (!Files.isRegularFile(folder.resolve("corpus.jsonl"))) {
      throw new IllegalArgumentException(
          "--shared: SciFact not found at "
              + folder.toAbsolutePath()
              + " (expected corpus.jsonl, queries.jsonl, qrels/test.tsv); pass --shared DIR, or leave scifact out of"
              + " --datasets");
    }
    String queriesOption = option.apply("scifact-queries") != null ? "scifact-queries" : "limit";
    int queries =
        option.apply(queriesOption) == null ? BeirSubset.ALL : integer(option, queriesOption, 1);
    int others;
    String docs = option.apply("scifact-docs");
    if (docs != null && docs.trim().equals("all")) {
      others = BeirSubset.ALL;
    } else if (docs != null) {
      others = integer(option, "scifact-docs", 0);
    } else {
      others =
          queries == BeirSubset.ALL
              ? BeirSubset.ALL
              : (int) Math.min(BeirSubset.ALL, (long) OTHER_DOCUMENTS_PER_QUERY * queries);
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    MODEL_OPTIONS.forEach(
        (name, parameter) -> {
          if (option.apply(name) != null) {
            parameters.put(parameter, option.apply(name).trim());
          }
        });
    RetrievalModels models =
        RetrievalModels.of(
            Paths.get(option.apply("model")), RetrievalModels.SCIFACT_INSTRUCTION, parameters);
    return new SciFactRetrieval(KEY, folder, queries, others, models, null);
  }

  private static int integer(Function<String, String> option, String name, int min) {
    String value = option.apply(name);
    int parsed;
    try {
      parsed = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " expects an integer, got '" + value + "'");
    }
    if (parsed < min) {
      throw new IllegalArgumentException(
          "--" + name + " must be at least " + min + ", got " + parsed);
    }
    return parsed;
  }
}
