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

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The models of this JVM, shared by every core, processor and query parser that declares the same
 * model (same {@link EchoModelDefinition#key()}, whatever its name): each user takes a {@link
 * Lease} at core load and closes it when its core closes; the model, loaded on first use, is closed
 * when the last lease goes.
 */
final class EchoModelRegistry {
  private static final EchoModelRegistry GLOBAL = new EchoModelRegistry();

  private final Map<String, EchoModel> models = new HashMap<>();

  /** The registry of this JVM. */
  static EchoModelRegistry global() {
    return GLOBAL;
  }

  /**
   * A lease on the model of {@code definition}, shared with every other lease on the same model.
   */
  synchronized Lease acquire(EchoModelDefinition definition) {
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
      models.remove(model.definition().key());
    }
    model.close();
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
