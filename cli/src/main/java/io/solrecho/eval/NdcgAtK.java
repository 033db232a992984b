package io.solrecho.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Normalised discounted cumulative gain at a cut-off k, with linear gains as BEIR computes it
 * through pytrec_eval ({@code ndcg_cut}): {@code DCG@k = sum over ranks i=0..k-1 of rel_i /
 * log2(i + 2)}, divided by the DCG of the ideal ordering of <em>all</em> judged documents of the
 * query (not only those retrieved).
 *
 * <p>Grades come from the query's judgments; a retrieved document that is not judged, or is judged
 * with a grade of 0 or less, contributes 0. A query without any positive grade has no ideal DCG and
 * is rejected: callers (see {@link RetrievalEvaluator}) exclude such queries rather than scoring them
 * 0 or 1. The ranking is taken in the order given; ties in the retriever's scores must already be
 * broken.
 */
public final class NdcgAtK {
  private final int k;

  /** @param k the cut-off, at least 1 (BEIR reports k = 10) */
  public NdcgAtK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("nDCG cut-off k must be at least 1, got " + k);
    }
    this.k = k;
  }

  public int k() {
    return k;
  }

  /**
   * nDCG@k of one query's ranking.
   *
   * @param ranking document ids, best first; only the first k are used and they must be distinct
   * @param judgments the query's graded judgments, document id to grade
   * @throws IllegalArgumentException if no judgment has a positive grade, or the top k repeat an id
   */
  public double score(List<String> ranking, Map<String, Integer> judgments) {
    if (ranking == null) {
      throw new IllegalArgumentException("ranking must not be null");
    }
    double ideal = idealDcg(judgments);
    double dcg = 0;
    Set<String> seen = new HashSet<>();
    int depth = Math.min(k, ranking.size());
    for (int i = 0; i < depth; i++) {
      String id = ranking.get(i);
      if (id == null) {
        throw new IllegalArgumentException("ranking has a null document id at rank " + (i + 1));
      }
      if (!seen.add(id)) {
        throw new IllegalArgumentException("ranking lists document '" + id + "' twice within the top " + k);
      }
      Integer grade = judgments.get(id);
      if (grade != null && grade > 0) {
        dcg += grade / log2(i + 2);
      }
    }
    return dcg / ideal;
  }

  private double idealDcg(Map<String, Integer> judgments) {
    if (judgments == null) {
      throw new IllegalArgumentException("judgments must not be null");
    }
    List<Integer> gains = new ArrayList<>();
    for (Map.Entry<String, Integer> judgment : judgments.entrySet()) {
      if (judgment.getValue() == null) {
        throw new IllegalArgumentException("judgment for document '" + judgment.getKey() + "' has no grade");
      }
      if (judgment.getValue() > 0) {
        gains.add(judgment.getValue());
      }
    }
    if (gains.isEmpty()) {
      throw new IllegalArgumentException("nDCG is undefined for a query without relevant documents (no grade > 0 among "
          + judgments.size() + " judgments): exclude such queries before scoring");
    }
    gains.sort(Collections.reverseOrder());
    double ideal = 0;
    for (int i = 0; i < Math.min(k, gains.size()); i++) {
      ideal += gains.get(i) / log2(i + 2);
    }
    return ideal;
  }

  private static double log2(int x) {
    return Math.log(x) / Math.log(2);
  }
}
