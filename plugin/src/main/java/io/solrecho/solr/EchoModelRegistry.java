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

import java.io.Closeable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.util.Accountable;
import org.apache.solr.common.SolrException;
import org.apache.solr.core.CoreContainer;
import org.apache.solr.core.SolrInfoBean;
import org.apache.solr.metrics.SolrMetricManager;
import org.apache.solr.metrics.SolrMetricProducer;
import org.apache.solr.metrics.SolrMetricsContext;

/**
 * The models of one Solr node, shared by every core, processor and query parser that declares the
 * same model (same {@link EchoModelDefinition#key()}, whatever its name): each user takes a {@link
 * Lease} at core load and closes it when its core closes; the model, loaded on first use, is closed
 * when the last lease goes, and at the latest when the node shuts down: the registry lives in its
 * {@link CoreContainer}'s object cache, which closes it after the cores.
 *
 * <p>The loaded models' memory is reported ({@link Accountable}) in the node's metrics: {@code
 * CONTAINER.echo.models.loaded} and {@code CONTAINER.echo.models.ramBytesUsed}.
 */
final class EchoModelRegistry implements Accountable, Closeable, SolrMetricProducer {
  private final Map<String, EchoModel> models = new HashMap<>();
  private boolean closed;
  private SolrMetricsContext metricsContext;

  /** The registry of {@code container}'s node, made on first use and closed with the container. */
  static EchoModelRegistry of(CoreContainer container) {
    return container
        .getObjectCache()
        .computeIfAbsent(
            EchoModelRegistry.class.getName(),
            EchoModelRegistry.class,
            key -> {
              EchoModelRegistry registry = new EchoModelRegistry();
              registry.initializeMetrics(
                  new SolrMetricsContext(
                      container.getMetricManager(),
                      SolrMetricManager.getRegistryName(SolrInfoBean.Group.node),
                      SolrMetricProducer.getUniqueMetricTag(registry, null)),
                  "echo");
              return registry;
            });
  }

  /**
   * A lease on the model of {@code definition}, shared with every other lease on the same model.
   */
  synchronized Lease acquire(EchoModelDefinition definition) {
    if (closed) {
      throw new SolrException(
          SolrException.ErrorCode.SERVICE_UNAVAILABLE,
          "solr-echo: " + definition + " cannot be used: the node is shutting down");
    }
    EchoModel model = models.computeIfAbsent(definition.key(), key -> new EchoModel(definition));
    model.users++;
    return new Lease(model);
  }

  /** Models held by at least one lease. */
  synchronized int size() {
    return models.size();
  }

  /** Leases held on the model of {@code definition}, 0 when none. */
  synchronized int users(EchoModelDefinition definition) {
    EchoModel model = models.get(definition.key());
    return model == null ? 0 : model.users;
  }

  private void release(EchoModel model) {
    synchronized (this) {
      if (--model.users > 0) {
        return;
      }
      models.remove(model.definition().key(), model);
    }
    model.close();
  }

  private synchronized List<EchoModel> models() {
    return new ArrayList<>(models.values());
  }

  /** Bytes held by the loaded models. */
  @Override
  public long ramBytesUsed() {
    long bytes = 0;
    for (EchoModel model : models()) {
      bytes += model.ramBytesUsed();
    }
    return bytes;
  }

  @Override
  public Collection<Accountable> getChildResources() {
    List<Accountable> loaded = new ArrayList<>();
    for (EchoModel model : models()) {
      if (model.isLoaded()) {
        loaded.add(model);
      }
    }
    return loaded;
  }

  @Override
  public void initializeMetrics(SolrMetricsContext parentContext, String scope) {
    metricsContext = parentContext;
    metricsContext.gauge(
        () -> getChildResources().size(), true, "loaded", "CONTAINER", scope, "models");
    metricsContext.gauge(this::ramBytesUsed, true, "ramBytesUsed", "CONTAINER", scope, "models");
  }

  @Override
  public SolrMetricsContext getSolrMetricsContext() {
    return metricsContext;
  }

  /**
   * Closes every model, whatever leases are still held (using one then fails with a 503), refuses
   * new leases, and removes the metrics.
   */
  @Override
  public void close() {
    List<EchoModel> open;
    synchronized (this) {
      closed = true;
      open = new ArrayList<>(models.values());
      models.clear();
    }
    for (EchoModel model : open) {
      model.close();
    }
    if (metricsContext != null) {
      metricsContext.unregister();
    }
  }

  /** One user's hold on a shared model; closing it more than once does nothing. */
  final class Lease implements AutoCloseable {
    private final EchoModel model;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Lease(EchoModel model) {
      this.model = model;
    }

    EchoModel model() {
      return model;
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        release(model);
      }
    }
  }
}
