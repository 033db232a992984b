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

import io.solrecho.embed.Embedder;
import io.solrecho.embed.EmbeddingService;
import io.solrecho.lm.CausalLanguageModel;
import java.lang.invoke.MethodHandles;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.util.Accountable;
import org.apache.lucene.util.Accountables;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.SolrNamedThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A declared model as every core of the node shares it: loaded on first use (not at core load, so
 * cores start fast), then reused until {@link EchoModelRegistry} closes it when its last user lets
 * go or the node shuts down. Holds the {@link Embedder} behind the {@link EmbeddingService} that
 * merges concurrent requests into shared forward passes (its worker made by Solr's named thread
 * factory). Its memory is that of its weights on the device.
 */
final class EchoModel implements Accountable {
  private static final Logger log = LoggerFactory.getLogger(MethodHandles.lookup().lookupClass());

  private final EchoModelDefinition definition;
  private volatile EmbeddingService service;
  private boolean closed;
  private volatile int dimension;

  /** Cores and plugins holding this model; guarded by the registry. */
  int users;

  EchoModel(EchoModelDefinition definition) {
    this.definition = definition;
  }

  EchoModelDefinition definition() {
    return definition;
  }

  /** The service that embeds texts; loads the model the first time. */
  EmbeddingService service() {
    EmbeddingService current = service;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (closed) {
        throw new SolrException(
            SolrException.ErrorCode.SERVICE_UNAVAILABLE,
            definition + " was released: its core or the node is closing");
      }
      if (service == null) {
        service = load();
      }
      return service;
    }
  }

  /** Identity of the vectors this model writes (see {@link Embedder#fingerprint()}). */
  String fingerprint() {
    return service().embedder().fingerprint();
  }

  /** The length of the model's vectors, read from its config.json without loading it. */
  int dimension() {
    int known = dimension;
    if (known == 0) {
      known = definition.dimension();
      dimension = known;
    }
    return known;
  }

  boolean isLoaded() {
    return service != null;
  }

  /**
   * Loads with this plugin's class loader as the thread context class loader: DJL finds its engine
   * through it, and the service's worker thread, started here, inherits it.
   */
  private EmbeddingService load() {
    long start = System.nanoTime();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(EchoModel.class.getClassLoader());
    try {
      Embedder embedder =
          Embedder.open(definition.folder(), definition.options(), definition.settings());
      try {
        EmbeddingService result =
            new EmbeddingService(
                embedder,
                definition.queueCapacity(),
                definition.timeout(),
                new SolrNamedThreadFactory("solr-echo-" + definition.name()));
        log.info(
            "solr-echo: loaded {} in {} ms: dimension {}, fingerprint {}, {} MiB of weights",
            definition,
            (System.nanoTime() - start) / 1_000_000,
            embedder.dimension(),
            embedder.fingerprint(),
            embedder.model().weightBytes() >> 20);
        return result;
      } catch (RuntimeException e) {
        embedder.close();
        throw e;
      }
    } catch (Exception e) {
      throw new SolrException(
          SolrException.ErrorCode.SERVER_ERROR,
          "solr-echo: " + definition + " could not be loaded: " + e.getMessage(),
          e);
    } catch (LinkageError | AssertionError e) {
      // DJL reports native-library problems this way, e.g. when the plugin jars are on two class
      // loaders.
      throw new SolrException(
          SolrException.ErrorCode.SERVER_ERROR,
          "solr-echo: "
              + definition
              + " could not load its native libraries ("
              + e
              + "); install the solr-echo archive once per node,"
              + " as a module or on solr.sharedLib, not per core",
          e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** The weights' bytes on the device once loaded, else 0. */
  @Override
  public long ramBytesUsed() {
    EmbeddingService current = service;
    return current == null ? 0 : current.embedder().model().weightBytes();
  }

  @Override
  public Collection<Accountable> getChildResources() {
    EmbeddingService current = service;
    if (current == null) {
      return List.of();
    }
    CausalLanguageModel model = current.embedder().model();
    return List.of(
        Accountables.namedAccountable(
            "weights on " + model.device() + " (" + model.dtype() + ")", model.weightBytes()));
  }

  @Override
  public String toString() {
    return definition.toString();
  }

  /** Stops the service (letting queued texts finish) and frees the model. */
  synchronized void close() {
    closed = true;
    EmbeddingService current = service;
    service = null;
    if (current != null) {
      try {
        current.close();
      } finally {
        current.embedder().close();
      }
      log.info("solr-echo: released {}", definition);
    }
  }
}
