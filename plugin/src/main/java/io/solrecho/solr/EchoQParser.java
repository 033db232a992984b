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

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.VectorEncoding;
import org.apache.lucene.search.Query;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.schema.DenseVectorField;
import org.apache.solr.schema.SchemaField;
import org.apache.solr.search.SyntaxError;
import org.apache.solr.search.neural.KnnQParser;

/**
 * Solr's {@link KnnQParser} with the vector taken from the query text: checks the request, embeds
 * the text and hands the vector to the knn parser, which does the rest (topK, pre-filters, tags).
 */
final class EchoQParser extends KnnQParser {
  private final EchoQParserPlugin plugin;
  private String vector;

  EchoQParser(
      String qstr,
      SolrParams localParams,
      SolrParams params,
      SolrQueryRequest req,
      EchoQParserPlugin plugin) {
    super(qstr, localParams, params, req);
    this.plugin = plugin;
  }

  @Override
  public Query parse() throws SyntaxError {
    String requested = localParams.get("model");
    if (requested != null && !requested.equals(plugin.modelName())) {
      throw plugin.badRequest(
          "model '"
              + requested
              + "' cannot be chosen per request: this echo query parser"
              + " embeds with model '"
              + plugin.modelName()
              + "', set in solrconfig.xml");
    }
    String text = plugin.checkText(qstr);
    checkTopK();
    checkField(req.getSchema().getFieldOrNull(getFieldName()));
    try {
      plugin.checkFingerprints(req.getSearcher());
    } catch (IOException e) {
      throw new SolrException(
          SolrException.ErrorCode.SERVER_ERROR, "cannot read the index fingerprints", e);
    }
    float[] embedded = plugin.embed(text);
    Query passages =
        PassageQuery.of(
            this, localParams, getFieldName(), embedded, localParams.getInt(TOP_K, DEFAULT_TOP_K));
    if (passages != null) {
      return passages;
    }
    vector = Arrays.toString(embedded);
    return super.parse();
  }

  /**
   * The knn pre-filter of this request: the {@code preFilter} local parameters, else the request's
   * filter queries (for a top-level query), else null.
   */
  Query filterQuery() throws SyntaxError {
    return getFilterQuery();
  }

  SolrException badRequest(String message) {
    return plugin.badRequest(message);
  }

  @Override
  protected String getVectorToSearch() {
    return vector;
  }

  private void checkTopK() {
    String value = localParams.get(TOP_K);
    if (value == null) {
      return;
    }
    int topK;
    try {
      topK = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw plugin.badRequest("topK: expected an integer, got '" + value + "'");
    }
    if (topK < 1 || topK > plugin.maxTopK()) {
      throw plugin.badRequest(
          "topK must be between 1 and maxTopK="
              + plugin.maxTopK()
              + " of the echo query"
              + " parser, got "
              + topK);
    }
  }

  private void checkField(SchemaField field) {
    if (field == null) {
      throw plugin.badRequest("f: field '" + getFieldName() + "' is not defined in the schema");
    }
    if (!(field.getType() instanceof DenseVectorField)) {
      throw plugin.badRequest("f: field '" + field.getName() + "' is not a DenseVectorField");
    }
    DenseVectorField type = (DenseVectorField) field.getType();
    int dimension = plugin.model().dimension();
    if (type.getDimension() != dimension || type.getVectorEncoding() != VectorEncoding.FLOAT32) {
      throw plugin.badRequest(
          "f: field '"
              + field.getName()
              + "' holds "
              + type.getVectorEncoding()
              + " vectors of "
              + type.getDimension()
              + " dimensions; model '"
              + plugin.modelName()
              + "' writes FLOAT32 vectors of "
              + dimension);
    }
  }
}
