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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Buettcher, 2009): merges several rankings of the same
 * collection by giving each document {@code sum over rankings of 1 / (k + rank)}, ranks starting at
 * 1, and sorting by that score. A document absent from a ranking gets nothing from it. Equal scores
 * are ordered by document id ({@link String#compareTo}), so the result does not depend on the order
 * of the input rankings; each document's terms are summed smallest rank first so that equal sets of
 * ranks give bit-identical scores.
 */
public final class ReciprocalRankFusion {
  /** The constant of the original paper, also the default of Elasticsearch and OpenSearch. */
  public static final int DEFAULT_K = 60;

  private final int k;

  public ReciprocalRankFusion() {
    this(DEFAULT_K);
  }

  /**
   * @param k the rank constant, at least 0; larger values flatten the difference between ranks
   */
  public ReciprocalRankFusion(int k) {
    this.k = WholeNumber.atLeast("RRF rank constant k", k, 0);
  }

  public int k() {
    return k;
  }

  /** The fused ranking: document ids, best first. */
  public List<String> fuse(List<List<String>> rankings) {
    return new ArrayList<>(scores(rankings).keySet());
  }

  /**
   * The fused scores, iterating best first (score descending, then document id ascending).
   *
   * @param rankings document ids per ranking, best first; an id may appear at most once per ranking
   */
  public Map<String, Double> scores(List<List<String>> rankings) {
    if (rankings == null) {
      throw new IllegalArgumentException("rankings must not be null");
    }
    Map<String, List<Integer>> ranksByDoc = new HashMap<>();
    for (int r = 0; r < rankings.size(); r++) {
      List<String> ranking = rankings.get(r);
      if (ranking == null) {
        throw new IllegalArgumentException("ranking " + r + " is null");
      }
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < ranking.size(); i++) {
        String id = ranking.get(i);
        if (id == null) {
          throw new IllegalArgumentException(
              "ranking " + r + " has a null document id at rank " + (i + 1));
        }
        Integer previous = seen.putIfAbsent(id, i + 1);
        if (previous != null) {
          throw new IllegalArgumentException(
              "ranking "
                  + r
                  + " lists document '"
                  + id
                  + "' twice (ranks "
                  + previous
                  + " and "
                  + (i + 1)
                  + ")");
        }
        ranksByDoc.computeIfAbsent(id, unused -> new ArrayList<>()).add(i + 1);
      }
    }
    List<Map.Entry<String, Double>> fused = new ArrayList<>(ranksByDoc.size());
    for (Map.Entry<String, List<Integer>> doc : ranksByDoc.entrySet()) {
      List<Integer> ranks = doc.getValue();
      Collections.sort(ranks);
      double score = 0;
      for (int rank : ranks) {
        score += 1.0 / (k + rank);
      }
      fused.add(Map.entry(doc.getKey(), score));
    }
    fused.sort(
        (a, b) -> {
          int byScore = Double.compare(b.getValue(), a.getValue());
          return byScore != 0 ? byScore : a.getKey().compareTo(b.getKey());
        });
    Map<String, Double> ordered = new LinkedHashMap<>();
    for (Map.Entry<String, Double> entry : fused) {
      ordered.put(entry.getKey(), entry.getValue());
    }
    return Collections.unmodifiableMap(ordered);
  }
}
