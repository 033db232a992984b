package io.solrecho.moduletest;

import static org.junit.Assert.fail;

import org.apache.solr.client.solrj.SolrClient;
import org.junit.BeforeClass;

/**
 * The module install, with the first embedding (which starts DJL and discovers its PyTorch engine)
 * made on a thread whose context class loader cannot see the plugin: Solr called in-process
 * ({@code EmbeddedSolrServer}), as an application embedding Solr does. Over HTTP Solr's servlet
 * code sets the context class loader to its own, which hides whether the plugin sets it itself; here
 * only the plugin can make DJL find its engine and native libraries.
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
