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

import io.solrecho.embed.WholeNumber;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Relevance judgments: for each query, the graded documents (document id to grade, grade &gt; 0
 * meaning relevant). Immutable; queries and their documents iterate in the order they were given
 * (file order when read by {@link BeirReader}).
 */
public final class Qrels {
  private final Map<String, Map<String, Integer>> byQuery;
  private final int judgmentCount;

  private Qrels(Map<String, Map<String, Integer>> byQuery, int judgmentCount) {
    this.byQuery = byQuery;
    this.judgmentCount = judgmentCount;
  }

  /**
   * Judgments copied from {@code judgments} (query id to document id to grade), keeping its
   * iteration order.
   */
  public static Qrels of(Map<String, ? extends Map<String, Integer>> judgments) {
    if (judgments == null) {
      throw new IllegalArgumentException("judgments must not be null");
    }
    Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
    int count = 0;
    for (Map.Entry<String, ? extends Map<String, Integer>> query : judgments.entrySet()) {
      if (query.getKey() == null || query.getValue() == null) {
        throw new IllegalArgumentException(
            "judgments have a null query id or a null map (query " + query.getKey() + ")");
      }
      Map<String, Integer> docs = new LinkedHashMap<>();
      for (Map.Entry<String, Integer> doc : query.getValue().entrySet()) {
        if (doc.getKey() == null || doc.getValue() == null) {
          throw new IllegalArgumentException(
              "query '" + query.getKey() + "' has a null document id or grade");
        }
        docs.put(doc.getKey(), doc.getValue());
      }
      copy.put(query.getKey(), Collections.unmodifiableMap(docs));
      count += docs.size();
    }
    return new Qrels(Collections.unmodifiableMap(copy), count);
  }

  /** The judged queries, in order. */
  public Set<String> queryIds() {
    return byQuery.keySet();
  }

  /** The judgments of one query (document id to grade), empty when the query is not judged. */
  public Map<String, Integer> judgments(String queryId) {
    return byQuery.getOrDefault(queryId, Map.of());
  }

  /** Whether the query has at least one document with a grade above 0. */
  public boolean hasRelevant(String queryId) {
    for (int grade : judgments(queryId).values()) {
      if (grade > 0) {
        return true;
      }
    }
    return false;
  }

  /** The number of judged queries. */
  public int queryCount() {
    return byQuery.size();
  }

  /** The number of (query, document) judgments over all queries. */
  public int judgmentCount() {
    return judgmentCount;
  }

  /** The judgments of the first {@code limit} queries only, for quick runs. */
  public Qrels firstQueries(int limit) {
    WholeNumber.atLeast("limit (the number of queries to keep)", limit, 1);
    Map<String, Map<String, Integer>> first = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, Integer>> query : byQuery.entrySet()) {
      if (first.size() == limit) {
        break;
      }
      first.put(query.getKey(), query.getValue());
    }
    return of(first);
  }
}
