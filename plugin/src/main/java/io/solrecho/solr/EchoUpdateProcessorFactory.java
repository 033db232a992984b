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

import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.core.CloseHook;
import org.apache.solr.core.SolrCore;
import org.apache.solr.metrics.SolrMetricsContext;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.response.SolrQueryResponse;
import org.apache.solr.update.processor.UpdateRequestProcessor;
import org.apache.solr.update.processor.UpdateRequestProcessorFactory;
import org.apache.solr.util.plugin.SolrCoreAware;

/**
 * Embeds the text of documents with an echo-embedding model and writes the vector, with the model's
 * fingerprint, into the document before it is indexed. Put it before {@code
 * DistributedUpdateProcessorFactory}, as the shipped configset does; the README's "What the update
 * chain guarantees" says why, and what every kind of update gets:
 *
 * <pre>
 * &lt;processor class="io.solrecho.solr.EchoUpdateProcessorFactory"&gt;
 *   &lt;str name="model"&gt;toy&lt;/str&gt;                      (declared in echo-models.json)
 *   &lt;str name="inputField"&gt;title&lt;/str&gt;                (repeat to join several)
 *   &lt;str name="inputField"&gt;body&lt;/str&gt;
 *   &lt;str name="outputField"&gt;vector&lt;/str&gt;              (a stored DenseVectorField)
 *   &lt;str name="fingerprintField"&gt;echo_fingerprint&lt;/str&gt;
 *   &lt;str name="separator"&gt;\n&lt;/str&gt;  &lt;int name="batchSize"&gt;16&lt;/int&gt;  &lt;str name="onError"&gt;fail&lt;/str&gt;
 *   &lt;str name="nested"&gt;all&lt;/str&gt;                     (all, root or children of a block)
 * &lt;/processor&gt;
 * </pre>
 *
 * <p>Everything is checked when the core loads (model declared, fields present, vector field of the
 * model's dimension); the model itself loads on first use and is shared by all cores of the node
 * that declare it, see {@link EchoModelRegistry}. See {@link EchoUpdateProcessor} for what happens
 * per document.
 */
public final class EchoUpdateProcessorFactory extends UpdateRequestProcessorFactory
    implements SolrCoreAware {
  private EchoUpdateSettings settings;
  private EchoModelRegistry.Lease lease;
  private EchoUpdateMetrics metrics;

  @Override
  public void init(NamedList<?> args) {
    try {
      settings = EchoUpdateSettings.parse(args.toSolrParams());
    } catch (IllegalArgumentException e) {
      throw configError(e.getMessage());
    }
  }

  @Override
  public void inform(SolrCore core) {
    EchoModelDefinition definition =
        EchoModelsFile.definition(
            core.getResourceLoader(), settings.modelsResource(), settings.model());
    try {
      settings.checkSchema(core.getLatestSchema(), definition.dimension());
    } catch (IllegalArgumentException e) {
      throw configError(e.getMessage());
    }
    SolrMetricsContext metricsContext = core.getSolrMetricsContext().getChildContext(this);
    metrics = new EchoUpdateMetrics(metricsContext, settings.outputField());
    lease = EchoModelRegistry.of(core.getCoreContainer()).acquire(definition);
    core.addCloseHook(
        new CloseHook() {
          @Override
          public void postClose(SolrCore closed) {
            lease.close();
            metricsContext.unregister();
          }
        });
  }

  @Override
  public UpdateRequestProcessor getInstance(
      SolrQueryRequest req, SolrQueryResponse rsp, UpdateRequestProcessor next) {
    return new EchoUpdateProcessor(
        settings, lease.model(), metrics, req, ToleratedFailures.of(req, this), next);
  }

  private static SolrException configError(String message) {
    return new SolrException(
        SolrException.ErrorCode.SERVER_ERROR, "EchoUpdateProcessorFactory: " + message);
  }
}
