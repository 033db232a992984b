package io.solrecho.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recall at a cut-off k: the fraction of a query's relevant documents (grade &gt; 0) found among the
 * first k retrieved, as pytrec_eval's {@code recall_k} that BEIR reports. The denominator is every
 * relevant document of the query, not capped at k. Grades do not weight the count.
 */
public final class RecallAtK {
  private final int k;

  /** @param k the cut-off, at least 1 (BEIR reports k = 100) */
  public RecallAtK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("recall cut-off k must be at least 1, got " + k);
    }
    this.k = k;
  }

  public int k() {
    return k;
  }

  /**
   * Recall@k of one query's ranking.
   *
   * @param ranking document ids, best first; only the first k are used and they must be distinct
   * @param judgments the query's graded judgments, document id to grade
   * @throws IllegalArgumentException if no judgment has a positive grade, or the top k repeat an id
   */
  public double score(List<String> ranking, Map<String, Integer> judgments) {
    if (ranking == null || judgments == null) {
      throw new IllegalArgumentException("ranking and judgments must not be null");
    }
    int relevant = 0;
    for (Map.Entry<String, Integer> judgment : judgments.entrySet()) {
      if (judgment.getValue() == null) {
        throw new IllegalArgumentException("judgment for document '" + judgment.getKey() + "' has no grade");
      }
      if (judgment.getValue() > 0) {
        relevant++;
      }
    }
    if (relevant == 0) {
      throw new IllegalArgumentException("recall is undefined for a query without relevant documents (no grade > 0 among "
          + judgments.size() + " judgments): exclude such queries before scoring");
    }
    int found = 0;
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
        found++;
      }
    }
    return (double) found / relevant;
  }
}
