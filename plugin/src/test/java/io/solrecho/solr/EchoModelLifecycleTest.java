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
import org.apache.solr.core.CoreContainer;
import org.apache.solr.core.SolrCore;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The node's models end with the node: shutting down the core container closes every model and
 * stops its worker thread, even when a lease was never returned.
 */
public class EchoModelLifecycleTest extends EchoSolrTestCase {
  @BeforeClass
  public static void startCore() throws Exception {
    initEchoCore(conf -> {});
  }

  private static List<Thread> workers(String model) {
    List<Thread> found = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("solr-echo-" + model + "-")) {
        found.add(thread);
      }
    }
    return found;
  }

  @Test
  public void shuttingDownTheNodeClosesItsModelsAndStopsTheirWorkers() throws Exception {
    CoreContainer container = h.getCoreContainer();
    EchoModelDefinition toy;
    try (SolrCore core = container.getCore(CORE)) {
      toy =
          EchoModelsFile.definition(
              core.getResourceLoader(), EchoModelsFile.DEFAULT_RESOURCE, "toy");
    }
    EchoModelRegistry registry = EchoModelRegistry.of(container);
    assertSame(
        "kept in the container's object cache",
        registry,
        container.getObjectCache().get(EchoModelRegistry.class.getName()));
    EchoModelRegistry.Lease neverReturned = registry.acquire(toy);
    addDocs(textDoc("1", "Loads the model."));
    assertTrue(neverReturned.model().isLoaded());
    List<Thread> workers = workers("toy");
    assertEquals("one worker per model: " + workers, 1, workers.size());
    assertFalse("a Solr thread, not a daemon", workers.get(0).isDaemon());

    deleteCore();

    assertFalse("closed with the node", neverReturned.model().isLoaded());
    workers.get(0).join(10_000);
    assertFalse("the worker stopped", workers.get(0).isAlive());
    expectError(503, () -> neverReturned.model().service(), "released");
    expectError(503, () -> registry.acquire(toy), "the node is shutting down");
    neverReturned.close();
  }
}
