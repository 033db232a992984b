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

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.core.CoreContainer;
import org.apache.solr.core.SolrCore;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A standalone Solr (Jetty) as a user runs it: a Solr home with a solr.xml like the distribution's
 * ({@code sharedLib} and {@code modules} from {@code solr.sharedLib} and {@code solr.modules}) and
 * one core, {@value #CORE}, on a copy of the repository's configset. How the plugin gets onto
 * Solr's class path is up to the system properties given to {@link #start}.
 */
final class EchoSolrNode implements AutoCloseable {
  /** The core on the shipped configset. */
  static final String CORE = "echo";

  private static final String SOLR_XML =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
          + "<solr>\n"
          + "  <str name=\"sharedLib\">${solr.sharedLib:}</str>\n"
          + "  <str name=\"modules\">${solr.modules:}</str>\n"
          + "</solr>\n";

  private final JettySolrRunner jetty;
  private final Map<String, String> previousProperties;

  private EchoSolrNode(JettySolrRunner jetty, Map<String, String> previousProperties) {
    this.jetty = jetty;
    this.previousProperties = previousProperties;
  }

  /**
   * Starts Solr with {@code properties} set as system properties (as {@code bin/solr} passes them
   * with -D) until {@link #close}. Fails with Solr's own error when the core does not load.
   */
  static EchoSolrNode start(Path solrHome, Map<String, String> properties) throws Exception {
    writeSolrHome(solrHome);
    Map<String, String> previous = new HashMap<>();
    // a user's Solr: the configset's default directory factory, not the test framework's mock one
    setProperty("solr.directoryFactory", null, previous);
    properties.forEach((key, value) -> setProperty(key, value, previous));
    JettySolrRunner jetty =
        new JettySolrRunner(
            solrHome.toString(),
            JettyConfig.builder().setPort(0).setContext("/solr").stopAtShutdown(true).build());
    EchoSolrNode node = new EchoSolrNode(jetty, previous);
    try {
      jetty.start();
      CoreContainer cores = jetty.getCoreContainer();
      if (cores == null) {
        throw new AssertionError(
            "Solr did not start (no CoreContainer) from " + solrHome + "; see the test's log");
      }
      CoreContainer.CoreLoadFailure failure = cores.getCoreInitFailures().get(CORE);
      if (failure != null) {
        throw new AssertionError(
            "core " + CORE + " did not load: " + failure.exception, failure.exception);
      }
    } catch (Exception | Error e) {
      try {
        node.close();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    return node;
  }

  private static void writeSolrHome(Path solrHome) throws IOException {
    Files.createDirectories(solrHome);
    Files.writeString(solrHome.resolve("solr.xml"), SOLR_XML, StandardCharsets.UTF_8);
    Path instanceDir = solrHome.resolve(CORE);
    Path conf = Files.createDirectories(instanceDir.resolve("conf"));
    try (Stream<Path> files = Files.list(configSet())) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.copy(file, conf.resolve(file.getFileName().toString()));
      }
    }
    Files.writeString(
        instanceDir.resolve("core.properties"), "name=" + CORE + "\n", StandardCharsets.UTF_8);
  }

  /** The repository's configset, {@code solr-config/conf}, found from this module's folder. */
  static Path configSet() {
    Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    for (Path candidate :
        List.of(dir.resolve("../solr-config/conf"), dir.resolve("solr-config/conf"))) {
      if (Files.isRegularFile(candidate.resolve("solrconfig.xml"))) {
        return candidate.normalize();
      }
    }
    throw new IllegalStateException("solr-config/conf not found from " + dir);
  }

  private static void setProperty(String key, String value, Map<String, String> previous) {
    previous.putIfAbsent(key, System.getProperty(key));
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  private static void restore(Map<String, String> previous) {
    previous.forEach(
        (key, value) -> {
          if (value == null) {
            System.clearProperty(key);
          } else {
            System.setProperty(key, value);
          }
        });
  }

  /** A client for the core; the caller closes it. */
  SolrClient newClient() {
    return new Http2SolrClient.Builder(jetty.getBaseUrl().toString())
        .withDefaultCollection(CORE)
        .build();
  }

  /**
   * A client that calls the core in this JVM, on the caller's thread, without Solr's servlet code,
   * which would set the thread context class loader to Solr's own; the caller closes it (Solr keeps
   * running).
   */
  SolrClient newEmbeddedClient() {
    return new EmbeddedSolrServer(jetty.getCoreContainer(), CORE);
  }

  /**
   * The class Solr loaded for {@code {!name}} in the core (through its own class loader, not the
   * test's).
   */
  Class<?> queryParserClass(String name) {
    try (SolrCore core = jetty.getCoreContainer().getCore(CORE)) {
      assertTrue("core " + CORE + " is not loaded", core != null);
      return core.getQueryPlugin(name).getClass();
    }
  }

  @Override
  public void close() throws Exception {
    try {
      jetty.stop();
    } finally {
      restore(previousProperties);
    }
  }
}
