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

import com.codahale.metrics.Timer;
import io.solrecho.embed.Embedding;
import io.solrecho.embed.EmbeddingFailedException;
import io.solrecho.embed.PositiveInteger;
import io.solrecho.embed.PromptTemplate;
import io.solrecho.embed.TextRole;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.util.ResourceLoader;
import org.apache.lucene.util.ResourceLoaderAware;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.core.SolrResourceLoader;
import org.apache.solr.metrics.SolrMetricsContext;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;
import org.apache.solr.search.SolrIndexSearcher;

/**
 * {@code {!echo f=vector topK=10}what is the capital of France}: embeds the query text with the
 * model's query template and runs Solr's knn search over the field, with everything the {@code knn}
 * parser supports ({@code topK}, {@code preFilter}, filter queries, {@code includeTags} / {@code
 * excludeTags}, use inside {@code {!bool}} or as a rerank query).
 *
 * <pre>
 * &lt;queryParser name="echo" class="io.solrecho.solr.EchoQParserPlugin"&gt;
 *   &lt;str name="model"&gt;toy&lt;/str&gt;                 (declared in echo-models.json)
 *   &lt;str name="fingerprintField"&gt;echo_fingerprint&lt;/str&gt;
 *   &lt;int name="maxQueryLength"&gt;2048&lt;/int&gt;      (characters)
 *   &lt;int name="maxTopK"&gt;1000&lt;/int&gt;
 * &lt;/queryParser&gt;
 * </pre>
 *
 * <p>The model is fixed here, in the configuration; a request can only name the field. Query
 * vectors are cached per model. A query is refused (400) when the index holds vectors written with
 * another model fingerprint, since they cannot be compared with this model's vectors.
 */
public final class EchoQParserPlugin extends QParserPlugin implements ResourceLoaderAware {
  private static final KnownParameters PARAMETERS =
      new KnownParameters("model", "models", "fingerprintField", "maxQueryLength", "maxTopK");

  private String model;
  private String modelsResource;
  private IndexFingerprints fingerprints;
  private int maxQueryLength;
  private int maxTopK;
  private EchoModelRegistry.Lease lease;
  private SolrMetricsContext metricsContext;
  private EchoQueryMetrics metrics = new EchoQueryMetrics();

  @Override
  public void init(NamedList<?> args) {
    SolrParams params = args.toSolrParams();
    PARAMETERS.check(params, EchoQParserPlugin::configError);
    model = params.get("model");
    if (model == null || model.isBlank()) {
      throw configError(
          "model is required (a model declared in " + EchoModelsFile.DEFAULT_RESOURCE + ")");
    }
    modelsResource = params.get("models", EchoModelsFile.DEFAULT_RESOURCE);
    fingerprints =
        new IndexFingerprints(
            params.get("fingerprintField", EchoUpdateSettings.DEFAULT_FINGERPRINT_FIELD));
    maxQueryLength = positive(params, "maxQueryLength", 2048);
    maxTopK = positive(params, "maxTopK", 1000);
  }

  private static int positive(SolrParams params, String key, int fallback) {
    String value = params.get(key);
    try {
      return value == null ? fallback : PositiveInteger.parse(key, value);
    } catch (IllegalArgumentException e) {
      throw configError(e.getMessage());
    }
  }

  @Override
  public void inform(ResourceLoader loader) {
    lease =
        EchoModelRegistry.global()
            .acquire(EchoModelsFile.definition((SolrResourceLoader) loader, modelsResource, model));
  }

  @Override
  public void initializeMetrics(SolrMetricsContext parentContext, String scope) {
    metricsContext = parentContext.getChildContext(this);
    metrics = new EchoQueryMetrics(metricsContext, model);
  }

  @Override
  public SolrMetricsContext getSolrMetricsContext() {
    return metricsContext;
  }

  @Override
  public QParser createParser(
      String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
    if (localParams == null) {
      throw badRequest(
          "the echo query parser takes its field as a local parameter:"
              + " {!echo f=vector topK=10}query text");
    }
    return new EchoQParser(qstr, localParams, params, req, this);
  }

  @Override
  public String getDescription() {
    return "echo-embedding knn query parser over model '" + model + "'";
  }

  /** Releases the model when the core closes (Solr closes query parser plugins with their core). */
  @Override
  public void close() throws IOException {
    if (lease != null) {
      lease.close();
    }
    if (metricsContext != null) {
      metricsContext.unregister();
    }
  }

  String modelName() {
    return model;
  }

  EchoModel model() {
    return lease.model();
  }

  int maxTopK() {
    return maxTopK;
  }

  /** The query text, checked: present, not blank, at most {@code maxQueryLength} characters. */
  String checkText(String text) {
    if (text == null || text.isBlank()) {
      throw badRequest(
          "the echo query parser needs query text to embed: {!echo f=vector}query text");
    }
    if (text.length() > maxQueryLength) {
      throw badRequest(
          "the query text has "
              + text.length()
              + " characters, more than maxQueryLength="
              + maxQueryLength
              + " of the echo query parser over model '"
              + model
              + "'");
    }
    return text;
  }

  /** Refuses when live documents carry vectors of another model fingerprint than this parser's. */
  void checkFingerprints(SolrIndexSearcher searcher) throws IOException {
    if (searcher.getSchema().getFieldOrNull(fingerprints.field()) == null) {
      throw badRequest(
          "fingerprintField '"
              + fingerprints.field()
              + "' of the echo query parser is not defined"
              + " in the schema");
    }
    String expected = model().fingerprint();
    Set<String> others = new TreeSet<>(fingerprints.of(searcher));
    others.remove(expected);
    if (!others.isEmpty()) {
      throw badRequest(
          "the index holds vectors written with model fingerprint(s) "
              + others
              + " in '"
              + fingerprints.field()
              + "', but this echo query parser embeds with model '"
              + model
              + "' (fingerprint "
              + expected
              + "): those vectors are not comparable; re-index them with this model or query with theirs");
    }
  }

  /** The query vector of {@code text}, from the cache or the model. */
  float[] embed(String text) {
    EchoModel shared = model();
    PromptTemplate template = shared.service().embedder().settings().template(TextRole.QUERY);
    float[] vector = shared.queryCache().get(shared.fingerprint(), template, text);
    if (vector != null) {
      metrics.cacheHits.inc();
      return vector;
    }
    metrics.cacheMisses.inc();
    Embedding embedding;
    try (Timer.Context ignored = metrics.embedTime.time()) {
      embedding = shared.service().embed(text, TextRole.QUERY);
    } catch (IllegalArgumentException e) {
      throw badRequest("the query text cannot be embedded: " + e.getMessage());
    } catch (EmbeddingFailedException e) {
      throw new SolrException(
          SolrException.ErrorCode.SERVICE_UNAVAILABLE,
          "model '" + model + "' did not embed the query: " + e.getMessage() + "; retry later",
          e);
    }
    metrics.embeddings.inc();
    metrics.tokens.inc(embedding.tokens());
    vector = embedding.vector();
    shared.queryCache().put(shared.fingerprint(), template, text, vector);
    return vector;
  }

  SolrException badRequest(String message) {
    metrics.errors.inc();
    return new SolrException(SolrException.ErrorCode.BAD_REQUEST, message);
  }

  private static SolrException configError(String message) {
    return new SolrException(SolrException.ErrorCode.SERVER_ERROR, "EchoQParserPlugin: " + message);
  }
}
