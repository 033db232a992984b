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
package io.solrecho.moduletest;

import static org.junit.Assert.fail;

import org.apache.solr.client.solrj.SolrClient;
import org.junit.BeforeClass;

/**
 * The module install, with the first embedding (which starts DJL and discovers its PyTorch engine)
 * made on a thread whose context class loader cannot see the plugin: Solr called in-process ({@code
 * EmbeddedSolrServer}), as an application embedding Solr does. Over HTTP Solr's servlet code sets
 * the context class loader to its own, which hides whether the plugin sets it itself; here only the
 * plugin can make DJL find its engine and native libraries.
 */
public class ForeignContextClassLoaderTest extends ArchiveInstallTestCase {
  @BeforeClass
  public static void embedFirstOnAThreadThatCannotSeeThePlugin() throws Exception {
    start("foreign-context", SolrInstall.asModule());
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    ClassLoader testLoader = ForeignContextClassLoaderTest.class.getClassLoader();
    thread.setContextClassLoader(testLoader);
    try (SolrClient client = node.newEmbeddedClient()) {
      try {
        Class.forName("ai.djl.engine.Engine", false, testLoader);
        fail("DJL is visible to the test's class loader; the test would prove nothing");
      } catch (ClassNotFoundException expected) {
        // the context class loader cannot see DJL
      }
      index(client);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
