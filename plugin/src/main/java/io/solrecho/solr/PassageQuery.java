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
package io.solrecho.solr;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.search.join.DiversifyingChildrenFloatKnnVectorQuery;
import org.apache.lucene.search.join.ScoreMode;
import org.apache.lucene.search.join.ToChildBlockJoinQuery;
import org.apache.lucene.search.join.ToParentBlockJoinQuery;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.search.QParser;
import org.apache.solr.search.SyntaxError;
import org.apache.solr.search.join.BlockJoinParentQParser;

/**
 * The block-join knn query of {@code {!echo}} over child documents that carry vectors, such as the
 * passages of long documents: the {@code topK} best parents, each ranked by its best child, with
 * Lucene's {@link DiversifyingChildrenFloatKnnVectorQuery} (at most one child per parent among the
 * nearest).
 *
 * <ul>
 *   <li>{@code which=<all parents>} returns the parents, scored by their best child (a {@link
 *       ToParentBlockJoinQuery} with {@link ScoreMode#Max} over the diversified children);
 *   <li>{@code childrenOf=<all parents>} returns the best child of each of those parents (for the
 *       {@code [child]} transformer's {@code childFilter}, or Solr's {@code {!parent}}), with the
 *       meaning Solr 9.11's {@code {!knn}} gives it.
 * </ul>
 *
 * <p>Pre-filters: {@code parents.preFilter} (repeatable) and the request's filter queries ({@code
 * fq}, with {@code includeTags}/{@code excludeTags}, when the query is not a sub-query) select
 * parents, so that the nearest are searched among the parents that pass; {@code preFilter} selects
 * children. The parents query must match every parent document and no child.
 */
final class PassageQuery {
  static final String WHICH = "which";
  static final String CHILDREN_OF = "childrenOf";
  static final String PARENTS_PRE_FILTER = "parents.preFilter";
  private static final String PRE_FILTER = "preFilter";

  private final EchoQParser parser;
  private final SolrParams local;

  private PassageQuery(EchoQParser parser, SolrParams local) {
    this.parser = parser;
    this.local = local;
  }

  /** The block-join query {@code local} asks for, or null when it asks for a plain knn query. */
  static Query of(EchoQParser parser, SolrParams local, String field, float[] vector, int topK)
      throws SyntaxError {
    boolean asked =
        local.get(WHICH) != null
            || local.get(CHILDREN_OF) != null
            || local.get(PARENTS_PRE_FILTER) != null;
    return asked ? new PassageQuery(parser, local).query(field, vector, topK) : null;
  }

  private Query query(String field, float[] vector, int topK) throws SyntaxError {
    String which = local.get(WHICH);
    String childrenOf = local.get(CHILDREN_OF);
    if (which != null && childrenOf != null) {
      throw parser.badRequest(
          WHICH
              + " (parents ranked by their best child) and "
              + CHILDREN_OF
              + " (the best child of each) cannot be combined: choose one");
    }
    String allParents = which != null ? which : childrenOf;
    if (allParents == null || allParents.isBlank()) {
      throw parser.badRequest(
          PARENTS_PRE_FILTER
              + " needs "
              + WHICH
              + " or "
              + CHILDREN_OF
              + ", a query matching every parent document (e.g. *:* -_nest_path_:*)");
    }
    Query parentsQuery = parser.subQuery(allParents, null).getQuery();
    if (parentsQuery == null) {
      throw parser.badRequest(
          (which != null ? WHICH : CHILDREN_OF) + ": '" + allParents + "' matches nothing");
    }
    BitSetProducer parents =
        BlockJoinParentQParser.getCachedBitSetProducer(parser.getReq(), parentsQuery);
    // an explicit preFilter selects children; else the request's filter queries select parents
    boolean explicit = local.getParams(PRE_FILTER) != null;
    Query filters = parser.filterQuery();
    Query children = explicit ? filters : null;
    List<Query> parentFilters = new ArrayList<>();
    String[] parentPreFilters = local.getParams(PARENTS_PRE_FILTER);
    for (String filter : parentPreFilters == null ? new String[0] : parentPreFilters) {
      QParser filterParser = parser.subQuery(filter, null);
      filterParser.setIsFilter(true);
      Query query = filterParser.getQuery();
      if (query != null) {
        parentFilters.add(query);
      }
    }
    if (!explicit && filters != null) {
      parentFilters.add(filters);
    }
    if (!parentFilters.isEmpty()) {
      // the parents query too, so that the joined query matches parents only
      BooleanQuery.Builder accepted = new BooleanQuery.Builder();
      accepted.add(parentsQuery, BooleanClause.Occur.FILTER);
      parentFilters.forEach(filter -> accepted.add(filter, BooleanClause.Occur.FILTER));
      Query ofAccepted = new ToChildBlockJoinQuery(accepted.build(), parents);
      children =
          children == null
              ? ofAccepted
              : new BooleanQuery.Builder()
                  .add(children, BooleanClause.Occur.FILTER)
                  .add(ofAccepted, BooleanClause.Occur.FILTER)
                  .build();
    }
    Query knn = new DiversifyingChildrenFloatKnnVectorQuery(field, vector, children, topK, parents);
    return which != null ? new ToParentBlockJoinQuery(knn, parents, ScoreMode.Max) : knn;
  }
}
