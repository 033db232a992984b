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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
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
 *   &lt;str name="model"&gt;toy&lt;/str&gt;                 (the default; declared in echo-models.json)
 *   &lt;str name="fingerprintField"&gt;echo_fingerprint&lt;/str&gt;
 *   &lt;int name="maxQueryLength"&gt;2048&lt;/int&gt;      (characters)
 *   &lt;int name="maxTopK"&gt;1000&lt;/int&gt;
 *   &lt;str name="queryCache"&gt;echoQueryCache&lt;/str&gt;  (a user cache of solrconfig.xml)
 * &lt;/queryParser&gt;
 * </pre>
 *
 * <p>A request may choose another model declared in the same echo-models.json by name ({@code
 * {!echo model=other f=vector_other}...}); folders never come from requests. Every declared model
 * is checked when the core loads and loads on first use. A query is refused (400) when its field
 * does not hold the chosen model's vectors, or when the index holds vectors written with another
 * model fingerprint in the fingerprint field (the parser's, or the request's {@code
 * fingerprintField}), since they cannot be compared with the chosen model's vectors.
 */
public final class EchoQParserPlugin extends QParserPlugin implements ResourceLoaderAware {
  /** The user cache of query vectors, unless the parser names another. */
  static final String DEFAULT_QUERY_CACHE = "echoQueryCache";

  private static final KnownParameters PARAMETERS =
      new KnownParameters(
          "model", "models", "fingerprintField", "maxQueryLength", "maxTopK", "queryCache");

  private String defaultModel;
  private String modelsResource;
  private String fingerprintField;
  private int maxQueryLength;
  private int maxTopK;
  private QueryVectors queryVectors;
  private Map<String, EchoModelRegistry.Lease> leases = Map.of();
  private final Map<String, IndexFingerprints> fingerprints = new ConcurrentHashMap<>();
  private final Map<String, EchoQueryMetrics> metrics = new ConcurrentHashMap<>();
  private SolrMetricsContext metricsContext;

  @Override
  public void init(NamedList<?> args) {
    SolrParams params = args.toSolrParams();
    PARAMETERS.check(params, EchoQParserPlugin::configError);
    defaultModel = params.get("model");
    if (defaultModel == null || defaultModel.isBlank()) {
      throw configError(
          "model is required (a model declared in " + EchoModelsFile.DEFAULT_RESOURCE + ")");
    }
    modelsResource = params.get("models", EchoModelsFile.DEFAULT_RESOURCE);
    fingerprintField = params.get("fingerprintField", EchoUpdateSettings.DEFAULT_FINGERPRINT_FIELD);
    maxQueryLength = positive(params, "maxQueryLength", 2048);
    maxTopK = positive(params, "maxTopK", 1000);
    queryVectors = new QueryVectors(params.get("queryCache", DEFAULT_QUERY_CACHE));
  }

  private static int positive(SolrParams params, String key, int fallback) {
    String value = params.get(key);
    try {
      return value == null ? fallback : WholeNumber.atLeast(key, value, 1);
    } catch (IllegalArgumentException e) {
      throw configError(e.getMessage());
    }
  }

  /** Takes a lease on every declared model: any of them may be chosen per request. */
  @Override
  public void inform(ResourceLoader loader) {
    SolrResourceLoader solrLoader = (SolrResourceLoader) loader;
    Map<String, EchoModelDefinition> declared =
        EchoModelsFile.definitions(solrLoader, modelsResource);
    if (!declared.containsKey(defaultModel)) {
      throw EchoModelsFile.unknownModel(modelsResource, defaultModel, declared.keySet());
    }
    EchoModelRegistry registry = EchoModelRegistry.of(solrLoader.getCoreContainer());
    Map<String, EchoModelRegistry.Lease> taken = new LinkedHashMap<>();
    try {
      declared.forEach((name, definition) -> taken.put(name, registry.acquire(definition)));
    } catch (RuntimeException e) {
      taken.values().forEach(EchoModelRegistry.Lease::close);
      throw e;
    }
    leases = Collections.unmodifiableMap(taken);
    leases.keySet().forEach(this::metrics);
  }

  @Override
  public void initializeMetrics(SolrMetricsContext parentContext, String scope) {
    metricsContext = parentContext.getChildContext(this);
    metrics.clear();
    metrics(defaultModel);
    leases.keySet().forEach(this::metrics);
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
          defaultModel,
          "the echo query parser takes its field as a local parameter:"
              + " {!echo f=vector topK=10}query text");
    }
    return new EchoQParser(qstr, localParams, params, req, this);
  }

  @Override
  public String getDescription() {
    return "echo-embedding knn query parser, models "
        + leases.keySet()
        + " (default '"
        + defaultModel
        + "')";
  }

  /**
   * Releases the models when the core closes (Solr closes query parser plugins with their core).
   */
  @Override
  public void close() throws IOException {
    leases.values().forEach(EchoModelRegistry.Lease::close);
    if (metricsContext != null) {
      metricsContext.unregister();
    }
  }

  /**
   * The model a request chose: {@code requested}, which must be declared, or the default when null.
   */
  String modelName(String requested) {
    if (requested == null) {
      return defaultModel;
    }
    if (!leases.containsKey(requested)) {
      throw badRequest(
          defaultModel,
          "model: '"
              + requested
              + "' is not declared in "
              + modelsResource
              + "; declared: "
              + new TreeSet<>(leases.keySet()));
    }
    return requested;
  }

  EchoModel model(String name) {
    return leases.get(name).model();
  }

  /** The metrics of queries with model {@code name}, {@code QUERY.echo.<name>.*}. */
  EchoQueryMetrics metrics(String name) {
    return metrics.computeIfAbsent(
        name,
        model ->
            metricsContext == null
                ? new EchoQueryMetrics()
                : new EchoQueryMetrics(metricsContext, model));
  }

  int maxTopK() {
    return maxTopK;
  }

  /** The query text, checked: present, not blank, at most {@code maxQueryLength} characters. */
  String checkText(String text, String model) {
    if (text == null || text.isBlank()) {
      throw badRequest(
          model, "the echo query parser needs query text to embed: {!echo f=vector}query text");
    }
    if (text.length() > maxQueryLength) {
      throw badRequest(
          model,
          "the query text has "
              + text.length()
              + " characters, more than maxQueryLength="
              + maxQueryLength
              + " of the echo query parser");
    }
    return text;
  }

  /**
   * Refuses when live documents carry vectors of another fingerprint than {@code model}'s in the
   * fingerprint field: {@code requestedField}, else the parser's.
   */
  void checkFingerprints(SolrIndexSearcher searcher, String model, String requestedField)
      throws IOException {
    String field = requestedField != null ? requestedField : fingerprintField;
    if (searcher.getSchema().getFieldOrNull(field) == null) {
      throw badRequest(
          model, "fingerprintField: field '" + field + "' is not defined in the schema");
    }
    String expected = model(model).fingerprint();
    Set<String> others =
        new TreeSet<>(fingerprints.computeIfAbsent(field, IndexFingerprints::new).of(searcher));
    others.remove(expected);
    if (!others.isEmpty()) {
      throw badRequest(
          model,
          "the index holds vectors written with model fingerprint(s) "
              + others
              + " in '"
              + field
              + "', but this echo query embeds with model '"
              + model
              + "' (fingerprint "
              + expected
              + "): those vectors are not comparable; re-index them with this model or query with theirs");
    }
  }

  /**
   * The query vector of {@code text} with {@code model}, from the query vector cache or the model.
   */
  float[] embed(String text, String model, SolrIndexSearcher searcher) {
    return queryVectors.of(text, model(model), searcher, metrics(model));
  }

  /** A 400 for a query with {@code model}, counted in its errors. */
  SolrException badRequest(String model, String message) {
    metrics(model).errors.inc();
    return new SolrException(SolrException.ErrorCode.BAD_REQUEST, message);
  }

  private static SolrException configError(String message) {
    return new SolrException(SolrException.ErrorCode.SERVER_ERROR, "EchoQParserPlugin: " + message);
  }
}
