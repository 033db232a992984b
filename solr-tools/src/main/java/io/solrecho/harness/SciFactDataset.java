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
import io.solrecho.embed.WholeNumber;
import io.solrecho.eval.BeirReader;
import io.solrecho.eval.BeirSource;
import io.solrecho.eval.EvalData;
import io.solrecho.eval.EvalDataset;
import io.solrecho.eval.HubDataFile;
import java.io.IOException;
import java.util.OptionalInt;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

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

  private final Options options = new Options();

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public String description() {
    return "SciFact through a local Solr: BM25, echo, classical, hybrid RRF; nDCG@10, Recall@100";
  }

  @Override
  public Object options() {
    return options;
  }

  /**
   * Checks the options (the query and document limits, both model declarations), then finds the
   * data: {@code scifact-beir/} of {@code --data}, or the files on the hub.
   */
  @Override
  public Run prepare(EvalData data, Context eval) throws IOException {
    OptionalInt queryLimit =
        options.queries != null ? OptionalInt.of(options.queries) : eval.limit();
    int queries = queryLimit.orElse(BeirSubset.ALL);
    int others;
    if (options.documents != null) {
      others = options.documents;
    } else {
      others =
          queries == BeirSubset.ALL
              ? BeirSubset.ALL
              : (int) Math.min(BeirSubset.ALL, (long) OTHER_DOCUMENTS_PER_QUERY * queries);
    }
    RetrievalModels models =
        RetrievalModels.of(
            eval.model(), RetrievalModels.SCIFACT_INSTRUCTION, eval.modelParameters());
    BeirReader reader = data.beir(SOURCE);
    return new SciFactRetrieval(KEY, reader, queries, others, models);
  }

  /** The options of this data set, beside eval's own ones. */
  static final class Options {
    @Option(
        names = "--scifact-queries",
        paramLabel = "N",
        converter = Converters.PositiveInt.class,
        description = "scifact: the first N judged test queries; default: --limit, else all")
    Integer queries;

    @Option(
        names = "--scifact-docs",
        paramLabel = "M|all",
        converter = DocumentCount.class,
        description =
            "scifact: index the judged documents plus the first M others of the corpus; default"
                + " with N queries: "
                + OTHER_DOCUMENTS_PER_QUERY
                + " x N, else (or 'all') the whole corpus; the prompts and --max-tokens (up to "
                + ModelDeclaration.DEFAULT_MAX_TOKENS
                + " within the model's positions), --batch-size, --device, --dtype apply")
    Integer documents;
  }

  /** {@code --scifact-docs}: a number of documents (0 or more), or {@code all}. */
  static final class DocumentCount implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      if (value.trim().equals("all")) {
        return BeirSubset.ALL;
      }
      try {
        return WholeNumber.parse(value, 0);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "expected 'all' or a number of documents (0 or more), got '" + value + "'");
      }
    }
  }
}
