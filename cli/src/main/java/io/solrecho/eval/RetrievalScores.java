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

/**
 * Mean retrieval quality over the evaluated queries, as fractions in [0, 1] (papers print them
 * x100).
 *
 * @param ndcgK the nDCG cut-off
 * @param meanNdcg mean nDCG@ndcgK
 * @param recallK the recall cut-off
 * @param meanRecall mean Recall@recallK
 * @param queriesEvaluated queries with at least one relevant judgment, over which the means are
 *     taken
 * @param queriesWithoutRelevant judged queries left out because no judgment has a grade above 0
 */
public record RetrievalScores(
    int ndcgK,
    double meanNdcg,
    int recallK,
    double meanRecall,
    int queriesEvaluated,
    int queriesWithoutRelevant) {}
