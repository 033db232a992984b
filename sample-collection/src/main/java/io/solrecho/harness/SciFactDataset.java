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

import io.solrecho.eval.BeirReader;
import io.solrecho.eval.BeirSource;
import io.solrecho.eval.EvalData;
import io.solrecho.eval.EvalDataset;
import io.solrecho.eval.HubDataFile;
import java.io.IOException;
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

  /** BEIR's SciFact commit on the hub: corpus.jsonl.gz and queries.jsonl.gz. */
  private static final String BEIR_REVISION = "984eed826375f18d27936c4a32bf0f8491e3f414";

  /** BEIR's SciFact judgments commit on the hub: train.tsv and test.tsv. */
  private static final String QRELS_REVISION = "2938d17dc3b09882fdb8c12bbbe2e2dc0e75a029";

  /**
   * SciFact in BEIR's formats: {@code scifact-beir/} under {@code --data}, or BEIR's copies on the
   * Hugging Face hub ({@code BeIR/scifact}, {@code BeIR/scifact-qrels}) at pinned commits.
   */
  static final BeirSource SOURCE =
      new BeirSource(
          "SciFact",
          "scifact-beir",
          new HubDataFile("BeIR/scifact", BEIR_REVISION, "corpus.jsonl.gz"),
          new HubDataFile("BeIR/scifact", BEIR_REVISION, "queries.jsonl.gz"),
          new HubDataFile("BeIR/scifact-qrels", QRELS_REVISION, SciFactRetrieval.SPLIT + ".tsv"));

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
    return "  dataset scifact: SciFact's test queries (BEIR; --data DIR/"
        + SOURCE.folder()
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
   * Checks the options (the query and document limits, both model declarations), then finds the
   * data: {@code scifact-beir/} of {@code --data}, or the files on the hub.
   */
  @Override
  public Run prepare(EvalData data, Function<String, String> option) throws IOException {
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
    BeirReader reader = data.beir(SOURCE);
    return new SciFactRetrieval(KEY, reader, queries, others, models, null);
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
