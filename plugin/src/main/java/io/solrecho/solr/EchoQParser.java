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

import io.solrecho.embed.WholeNumber;
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
 * Solr's {@link KnnQParser} with the vector taken from the query text: resolves the model ({@code
 * model}, else the parser's default), checks the request, embeds the text and hands the vector to
 * the knn parser, which does the rest (topK, pre-filters, tags).
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
    String model = plugin.modelName(localParams.get("model"));
    String text = plugin.checkText(qstr, model);
    checkTopK(model);
    checkField(req.getSchema().getFieldOrNull(getFieldName()), model);
    try {
      plugin.checkFingerprints(req.getSearcher(), model, localParams.get("fingerprintField"));
    } catch (IOException e) {
      throw new SolrException(
          SolrException.ErrorCode.SERVER_ERROR, "cannot read the index fingerprints", e);
    }
    float[] embedded = plugin.embed(text, model, req.getSearcher());
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

  /** A 400 about this request, counted against the model it chose. */
  SolrException badRequest(String message) {
    return plugin.badRequest(plugin.modelName(localParams.get("model")), message);
  }

  @Override
  protected String getVectorToSearch() {
    return vector;
  }

  private void checkTopK(String model) {
    String value = localParams.get(TOP_K);
    if (value == null) {
      return;
    }
    int topK;
    try {
      topK = WholeNumber.atLeast(TOP_K, value, 1);
    } catch (IllegalArgumentException e) {
      throw plugin.badRequest(model, e.getMessage());
    }
    if (topK > plugin.maxTopK()) {
      throw plugin.badRequest(
          model,
          "topK must be at most maxTopK="
              + plugin.maxTopK()
              + " of the echo query parser, got "
              + topK);
    }
  }

  /** The field must hold FLOAT32 vectors of the chosen model's dimension. */
  private void checkField(SchemaField field, String model) {
    if (field == null) {
      throw plugin.badRequest(
          model, "f: field '" + getFieldName() + "' is not defined in the schema");
    }
    if (!(field.getType() instanceof DenseVectorField)) {
      throw plugin.badRequest(
          model, "f: field '" + field.getName() + "' is not a DenseVectorField");
    }
    DenseVectorField type = (DenseVectorField) field.getType();
    int dimension = plugin.model(model).dimension();
    if (type.getDimension() != dimension || type.getVectorEncoding() != VectorEncoding.FLOAT32) {
      throw plugin.badRequest(
          model,
          "f: field '"
              + field.getName()
              + "' holds "
              + type.getVectorEncoding()
              + " vectors of "
              + type.getDimension()
              + " dimensions; model '"
              + model
              + "' writes FLOAT32 vectors of "
              + dimension);
    }
  }
}
