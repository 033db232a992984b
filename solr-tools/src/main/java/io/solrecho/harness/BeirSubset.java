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

import io.solrecho.embed.WholeNumber;
import io.solrecho.eval.BeirDocument;
import io.solrecho.eval.BeirQuery;
import io.solrecho.eval.BeirReader;
import io.solrecho.eval.Qrels;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The part of a BEIR split that a retrieval run uses. Whole: every judged query of the split and
 * the whole corpus. Limited: the first N judged queries (in qrels file order), and as corpus every
 * document judged for them plus the first M other documents of corpus.jsonl (file order), so that
 * every relevant document can be found among M distractors. Scores on a limited corpus are higher
 * than on the whole one (fewer distractors) and not comparable to published numbers.
 *
 * @param queries the judged queries, in queries-file order
 * @param qrels the judgments of those queries
 * @param corpus the documents to index, in corpus-file order
 * @param judgedDocuments documents of {@code corpus} that {@code qrels} judge
 * @param corpusTotal documents of the whole corpus
 * @param limited whether queries or documents were left out
 */
record BeirSubset(
    List<BeirQuery> queries,
    Qrels qrels,
    List<BeirDocument> corpus,
    int judgedDocuments,
    int corpusTotal,
    boolean limited) {
  /** No limit on queries or documents. */
  static final int ALL = Integer.MAX_VALUE;

  BeirSubset {
    queries = List.copyOf(queries);
    corpus = List.copyOf(corpus);
  }

  /**
   * Reads the part of {@code split} to evaluate.
   *
   * @param queryLimit judged queries to keep, at least 1, or {@link #ALL}
   * @param otherDocuments documents besides the judged ones to keep, at least 0, or {@link #ALL}
   *     for the whole corpus
   * @throws IllegalArgumentException for a limit out of range, or qrels that judge a document the
   *     corpus does not have
   */
  static BeirSubset read(BeirReader reader, String split, int queryLimit, int otherDocuments)
      throws IOException {
    WholeNumber.atLeast("the number of queries", queryLimit, 1);
    WholeNumber.atLeast("the number of other documents", otherDocuments, 0);
    Qrels all = reader.readQrels(split);
    Qrels qrels = queryLimit < all.queryCount() ? all.firstQueries(queryLimit) : all;
    List<BeirQuery> queries = reader.readQueries(qrels);
    Set<String> judged = new HashSet<>();
    for (String queryId : qrels.queryIds()) {
      judged.addAll(qrels.judgments(queryId).keySet());
    }
    List<BeirDocument> whole = reader.readCorpus();
    List<BeirDocument> corpus = new ArrayList<>();
    Set<String> found = new HashSet<>();
    int others = 0;
    for (BeirDocument document : whole) {
      if (judged.contains(document.id())) {
        corpus.add(document);
        found.add(document.id());
      } else if (others < otherDocuments) {
        corpus.add(document);
        others++;
      }
    }
    if (found.size() != judged.size()) {
      Set<String> missing = new HashSet<>(judged);
      missing.removeAll(found);
      throw new IllegalArgumentException(
          "qrels/"
              + split
              + ".tsv judges "
              + missing.size()
              + " documents that corpus.jsonl does not have, e.g. '"
              + missing.iterator().next()
              + "'");
    }
    return new BeirSubset(
        queries,
        qrels,
        corpus,
        found.size(),
        whole.size(),
        corpus.size() < whole.size() || qrels.queryCount() < all.queryCount());
  }
}
