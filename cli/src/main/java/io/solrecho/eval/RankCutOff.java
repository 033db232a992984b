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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cut-off k of a rank metric over graded judgments ({@link NdcgAtK}, {@link RecallAtK}) and the
 * checks such metrics share: k is at least 1, the query has a relevant document (grade &gt; 0), and
 * the first k ranked ids are neither null nor repeated.
 */
final class RankCutOff {
  private final String metric;
  private final int k;

  /**
   * @param metric the metric's name as messages start with it, e.g. {@code nDCG}
   * @param k the cut-off, at least 1
   */
  RankCutOff(String metric, int k) {
    this.metric = metric;
    this.k = WholeNumber.atLeast(metric + " cut-off k", k, 1);
  }

  int k() {
    return k;
  }

  /**
   * The positive grades of a query's judgments, in the judgments' order.
   *
   * @throws IllegalArgumentException if a judgment has no grade, or none has a positive one (the
   *     metric is undefined for such a query)
   */
  List<Integer> relevantGrades(Map<String, Integer> judgments) {
    List<Integer> grades = new ArrayList<>();
    for (Map.Entry<String, Integer> judgment : judgments.entrySet()) {
      if (judgment.getValue() == null) {
        throw new IllegalArgumentException(
            "judgment for document '" + judgment.getKey() + "' has no grade");
      }
      if (judgment.getValue() > 0) {
        grades.add(judgment.getValue());
      }
    }
    if (grades.isEmpty()) {
      throw new IllegalArgumentException(
          metric
              + " is undefined for a query without relevant documents (no grade > 0"
              + " among "
              + judgments.size()
              + " judgments): exclude such queries before scoring");
    }
    return grades;
  }

  /**
   * The grade of each of the first k ranked documents (fewer when the ranking is shorter), 0 for a
   * document that is not judged or judged 0 or less.
   *
   * @throws IllegalArgumentException if one of the first k ids is null or repeats an earlier one
   */
  int[] topGrades(List<String> ranking, Map<String, Integer> judgments) {
    int[] grades = new int[Math.min(k, ranking.size())];
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < grades.length; i++) {
      String id = ranking.get(i);
      if (id == null) {
        throw new IllegalArgumentException("ranking has a null document id at rank " + (i + 1));
      }
      if (!seen.add(id)) {
        throw new IllegalArgumentException(
            "ranking lists document '" + id + "' twice within the top " + k);
      }
      Integer grade = judgments.get(id);
      grades[i] = grade != null && grade > 0 ? grade : 0;
    }
    return grades;
  }
}
