package io.solrecho.eval;

/**
 * Mean retrieval quality over the evaluated queries, as fractions in [0, 1] (papers print them
 * x100).
 *
 * @param ndcgK the nDCG cut-off
 * @param meanNdcg mean nDCG@ndcgK
 * @param recallK the recall cut-off
 * @param meanRecall mean Recall@recallK
 * @param queriesEvaluated queries with at least one relevant judgment, over which the means are taken
 * @param queriesWithoutRelevant judged queries left out because no judgment has a grade above 0
 */
public record RetrievalScores(
    int ndcgK, double meanNdcg, int recallK, double meanRecall, int queriesEvaluated, int queriesWithoutRelevant) {}
