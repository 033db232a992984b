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

import io.solrecho.demo.ModelDeclaration;
import io.solrecho.eval.BeirQuery;
import io.solrecho.eval.BeirReader;
import io.solrecho.eval.EvalDataset;
import io.solrecho.eval.ReciprocalRankFusion;
import io.solrecho.eval.RetrievalEvaluator;
import io.solrecho.eval.RetrievalScores;
import io.solrecho.eval.Timing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Retrieval on a BEIR data set through real Solr, as a user would run it: the corpus is indexed
 * through the echo update chain of a local Solr (title and text as {@code title} and {@code body}),
 * and each query is answered by
 *
 * <ul>
 *   <li>{@code bm25}: Solr's lexical search ({@link LexicalQuery}) on the echo collection;
 *   <li>{@code echo}: {@code {!echo topK=100}} on the same collection;
 *   <li>{@code classical}: {@code {!echo topK=100}} on a second Solr whose model is declared with
 *       mode classical ({@link RetrievalModels});
 *   <li>{@code hybrid}: reciprocal rank fusion (k = 60) of the bm25 and echo top 100.
 * </ul>
 *
 * The two Solr nodes run one after the other, so only one model is loaded at a time.
 */
final class SciFactRetrieval implements EvalDataset.Run {
  /** Documents each system returns per query: Recall@100's cut-off. */
  static final int DEPTH = 100;

  static final String SPLIT = "test";

  private final String key;
  private final BeirReader data;
  private final int queryLimit;
  private final int otherDocuments;
  private final RetrievalModels models;
  private final Path configSet;

  /**
   * @param key the data set's key: the section key and the prefix of timings and collections
   * @param data the data set
   * @param queryLimit judged queries to run, or {@link BeirSubset#ALL}
   * @param otherDocuments documents besides the judged ones to index, or {@link BeirSubset#ALL}
   * @param configSet the configset to copy, or null for the checkout's
   */
  SciFactRetrieval(
      String key,
      BeirReader data,
      int queryLimit,
      int otherDocuments,
      RetrievalModels models,
      Path configSet) {
    this.key = key;
    this.data = data;
    this.queryLimit = queryLimit;
    this.otherDocuments = otherDocuments;
    this.models = models;
    this.configSet = configSet;
  }

  @Override
  public EvalDataset.Result run() throws Exception {
    List<Timing> timings = new ArrayList<>();
    long read = System.nanoTime();
    BeirSubset subset = BeirSubset.read(data, SPLIT, queryLimit, otherDocuments);
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("queries", (long) subset.queries().size());
    counts.put("docs", (long) subset.corpus().size());
    timings.add(new Timing(key + ": read data", Timing.secondsSince(read), counts));
    List<BeirQuery> queries = subset.queries();

    Map<String, Map<String, List<String>>> rankings = new LinkedHashMap<>();
    try (SolrCorpus echo = start(models.echo(), "echo", timings)) {
      timings.add(echo.index(subset.corpus(), key + ": index echo"));
      rankings.put(
          "bm25",
          collect(
              echo.rank(queries, text -> LexicalQuery.bm25(text, DEPTH), key + ": query bm25"),
              timings));
      rankings.put(
          "echo",
          collect(
              echo.rank(queries, text -> SolrCorpus.echo(text, DEPTH), key + ": query echo"),
              timings));
    }
    try (SolrCorpus classical = start(models.classical(), "classical", timings)) {
      timings.add(classical.index(subset.corpus(), key + ": index classical"));
      rankings.put(
          "classical",
          collect(
              classical.rank(
                  queries, text -> SolrCorpus.echo(text, DEPTH), key + ": query classical"),
              timings));
    }
    rankings.put("hybrid", fuse(rankings.get("bm25"), rankings.get("echo")));

    RetrievalEvaluator evaluator = new RetrievalEvaluator(10, DEPTH);
    Map<String, RetrievalScores> scores = new LinkedHashMap<>();
    rankings.forEach(
        (system, ranked) -> scores.put(system, evaluator.evaluate(ranked, subset.qrels())));
    return new EvalDataset.Result(List.of(section(subset, scores)), timings);
  }

  /**
   * Per query, the first {@link #DEPTH} of the RRF fusion of {@code lexical} and {@code vector}.
   */
  static Map<String, List<String>> fuse(
      Map<String, List<String>> lexical, Map<String, List<String>> vector) {
    ReciprocalRankFusion rrf = new ReciprocalRankFusion(ReciprocalRankFusion.DEFAULT_K);
    Map<String, List<String>> fused = new LinkedHashMap<>();
    lexical.forEach(
        (query, ranking) -> {
          List<String> both = rrf.fuse(List.of(ranking, vector.get(query)));
          fused.put(query, List.copyOf(both.subList(0, Math.min(DEPTH, both.size()))));
        });
    return fused;
  }

  private SolrCorpus start(ModelDeclaration model, String mode, List<Timing> timings)
      throws Exception {
    long start = System.nanoTime();
    System.err.println(key + ": starting Solr with the " + mode + " model ...");
    SolrCorpus corpus = SolrCorpus.start(model, key + "-" + mode, configSet);
    timings.add(Timing.of(key + ": start Solr (" + mode + ")", Timing.secondsSince(start)));
    return corpus;
  }

  private static Map<String, List<String>> collect(
      SolrCorpus.Rankings rankings, List<Timing> timings) {
    timings.add(rankings.timing());
    return rankings.byQuery();
  }

  private SolrRetrievalSection section(BeirSubset subset, Map<String, RetrievalScores> scores) {
    List<SolrRetrievalSection.Retriever> systems =
        List.of(
            new SolrRetrievalSection.Retriever(
                "bm25",
                "Solr edismax over title and body (BM25 k1=1.2 b=0.75; standard"
                    + " tokenizer, lower case, no stemming)"),
            new SolrRetrievalSection.Retriever(
                "echo", "{!echo topK=" + DEPTH + "}: echo embeddings, knn"),
            new SolrRetrievalSection.Retriever(
                "classical",
                "{!echo topK="
                    + DEPTH
                    + "} on a model declared with mode"
                    + " classical: the text once, knn"),
            new SolrRetrievalSection.Retriever(
                "hybrid",
                "reciprocal rank fusion (k="
                    + ReciprocalRankFusion.DEFAULT_K
                    + ") of the bm25 and echo top "
                    + DEPTH));
    String selection =
        !subset.limited()
            ? null
            : String.format(
                Locale.ROOT,
                "the first %s judged %s queries (qrels"
                    + " order); the documents judged for them plus the first %s other documents of the corpus (file order)",
                queryLimit == BeirSubset.ALL ? "(all)" : String.valueOf(queryLimit),
                SPLIT,
                otherDocuments == BeirSubset.ALL ? "(all)" : String.valueOf(otherDocuments));
    SolrRetrievalSection.Corpus corpus =
        new SolrRetrievalSection.Corpus(
            SPLIT,
            subset.queries().size(),
            subset.corpus().size(),
            subset.judgedDocuments(),
            subset.corpusTotal(),
            subset.limited(),
            selection);
    Map<String, String> templates = new LinkedHashMap<>();
    ModelDeclaration echo = models.echo();
    ModelDeclaration classical = models.classical();
    templates.put("echo document", echo.parameters().get("documentTemplate"));
    templates.put("echo query", echo.parameters().get("queryTemplate"));
    templates.put("classical document", classical.parameters().get("documentTemplate"));
    templates.put("classical query", classical.parameters().get("queryTemplate"));
    templates.put("instruction", echo.parameters().get("instruction"));
    templates.put("max tokens per copy", echo.parameters().get("maxTokens"));
    return new SolrRetrievalSection(
        key,
        "Retrieval through Solr: SciFact (BEIR, " + SPLIT + " split)",
        systems,
        scores,
        corpus,
        templates);
  }
}
