package io.solrecho.eval;

/**
 * One semantic textual similarity example: two sentences and the human similarity judgment
 * (0..5 for STS, 1..5 for SICK relatedness). Sentences are kept exactly as in the source file.
 */
public record StsPair(String sentence1, String sentence2, double gold) {
  public StsPair {
    if (sentence1 == null || sentence2 == null) {
      throw new IllegalArgumentException("STS pair sentences must not be null");
    }
    if (!Double.isFinite(gold)) {
      throw new IllegalArgumentException("STS pair gold score must be finite, got " + gold);
    }
  }
}
