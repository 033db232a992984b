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
package io.solrecho.demo;

import io.solrecho.embed.WholeNumber;
import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.response.CollectionAdminResponse;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.core.CoreContainer;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A real Solr on localhost, started from the Maven artifacts on the classpath with the solr-echo
 * configset and plugin: one standalone node with a core, or a SolrCloud cluster of N nodes with an
 * embedded ZooKeeper and a collection of S shards of one replica each. The configset's files are
 * installed as they are, byte for byte; what differs per model reaches it through the two system
 * properties it reads: {@value #MODEL_DIR_PROPERTY} (the model folder, in echo-models.json) and
 * {@value #VECTOR_DIMENSION_PROPERTY} (the hidden size, the vector field's vectorDimension in
 * managed-schema.xml). They are set for the JVM while this Solr runs, so one JVM runs one model at
 * a time. Documents indexed through {@link #solrClient()} run through the configset's default
 * update chain (echo embeddings) and are searched with {@code {!echo}}.
 *
 * <pre>
 * try (LocalSolr solr = LocalSolr.builder(modelDir).cloud(2).start()) {
 *   solr.index(docs, 32, IndexProgress.NONE);
 *   solr.solrClient().query(LocalSolr.echoQuery("how do plants make food", 10));
 * }
 * </pre>
 *
 * <p>Solr, ZooKeeper and Jetty log their warnings to {@link #logFile()} under the Solr home
 * (through the system property {@value #LOG_DIR_PROPERTY}, which the module's log4j2.xml reads and
 * which names the home of the LocalSolr started last). A temporary home is deleted on {@link
 * #close()}.
 */
public final class LocalSolr implements AutoCloseable {
  /** The folder log4j2.xml writes Solr's log into (also where Solr itself expects its logs). */
  public static final String LOG_DIR_PROPERTY = "solr.log.dir";

  /** The model folder of the shipped echo-models.json ({@code ${solr.echo.model.dir:...}}). */
  public static final String MODEL_DIR_PROPERTY = "solr.echo.model.dir";

  /**
   * The vector length of the shipped managed-schema.xml ({@code vectorDimension=
   * "${solr.echo.vector.dimension:16}"}).
   */
  public static final String VECTOR_DIMENSION_PROPERTY = "solr.echo.vector.dimension";

  /** The configset's vector field, which {@link #echoQuery} searches. */
  public static final String VECTOR_FIELD = "vector";

  /** The collection (standalone: the core) the builder creates unless told otherwise. */
  public static final String DEFAULT_COLLECTION = "echo";

  private static final Pattern COLLECTION_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final long CLIENT_TIMEOUT_MINUTES = 10;

  /**
   * Jersey (Solr's v2 API) logs through java.util.logging, which would print on the console; its
   * warnings are about optional providers Solr does not use. Held here so the level sticks.
   */
  private static final Logger JERSEY = Logger.getLogger("org.glassfish.jersey");

  private static final String STANDALONE_SOLR_XML =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<solr>\n"
          + "  <str name=\"allowPaths\">${solr.allowPaths:}</str>\n</solr>\n";

  private final ModelFolder model;
  private final Path configSet;
  private final Path home;
  private final boolean temporaryHome;
  private final String collection;
  private JettySolrRunner node;
  private MiniSolrCloudCluster cluster;
  private SolrClient client;
  private List<String> nodeUrls = List.of();
  private boolean closed;

  /** The system properties this Solr set, with their values before (null: unset). */
  private final Map<String, String> replacedProperties = new LinkedHashMap<>();

  private LocalSolr(Builder builder, Path configSet, Path home, boolean temporaryHome) {
    this.model = builder.model;
    this.configSet = configSet;
    this.home = home;
    this.temporaryHome = temporaryHome;
    this.collection = builder.collection;
  }

  /**
   * A builder for a Solr that embeds with the model in {@code modelFolder}.
   *
   * @throws IllegalArgumentException when it is not a model folder
   */
  public static Builder builder(Path modelFolder) {
    return new Builder(ModelFolder.read(modelFolder));
  }

  /**
   * A client for this Solr with {@link #collection()} as its default collection; closed by {@link
   * #close()}.
   */
  public SolrClient solrClient() {
    return client;
  }

  /** The collection (standalone: the core) the documents go to. */
  public String collection() {
    return collection;
  }

  /** The first node's address, e.g. {@code http://127.0.0.1:8983/solr}. */
  public String baseUrl() {
    return nodeUrls.get(0);
  }

  /** Every node's address, in start order (one for standalone). */
  public List<String> nodeUrls() {
    return nodeUrls;
  }

  public boolean isCloud() {
    return cluster != null;
  }

  /**
   * The Solr home: solr.xml and cores (standalone), or ZooKeeper's data and one folder per node
   * (SolrCloud).
   */
  public Path home() {
    return home;
  }

  /** Where Solr's warnings go while this is the latest LocalSolr started in the JVM. */
  public Path logFile() {
    return home.resolve("logs/solr.log");
  }

  /** The model the configset embeds with. */
  public ModelFolder model() {
    return model;
  }

  /**
   * Sends {@code documents} in requests of {@code batchSize} through the default update chain,
   * reports after each request, then commits so that they are searchable.
   *
   * @return the number of documents sent
   * @throws org.apache.solr.common.SolrException when Solr rejects a request (its message names the
   *     document)
   */
  public long index(Iterable<SolrInputDocument> documents, int batchSize, IndexProgress progress)
      throws SolrServerException, IOException {
    WholeNumber.atLeast("batchSize", batchSize, 1);
    long total = documents instanceof Collection ? ((Collection<?>) documents).size() : -1;
    long sent = 0;
    List<SolrInputDocument> batch = new ArrayList<>(batchSize);
    for (SolrInputDocument document : documents) {
      batch.add(document);
      if (batch.size() == batchSize) {
        sent += send(batch);
        progress.indexed(sent, total);
        batch = new ArrayList<>(batchSize);
      }
    }
    if (!batch.isEmpty()) {
      sent += send(batch);
      progress.indexed(sent, total);
    }
    client.commit(collection);
    return sent;
  }

  private int send(List<SolrInputDocument> batch) throws SolrServerException, IOException {
    client.add(collection, batch);
    return batch.size();
  }

  /**
   * {@code {!echo f=vector topK=K}text} for the {@code topK} nearest documents, with the text
   * passed as a request parameter so that it needs no escaping.
   */
  public static SolrQuery echoQuery(String text, int topK) {
    SolrQuery query = new SolrQuery("{!echo f=" + VECTOR_FIELD + " topK=" + topK + " v=$echoText}");
    query.set("echoText", text);
    query.setRows(topK);
    return query;
  }

  /**
   * Stops every node (and ZooKeeper), then deletes a temporary home. Safe to call more than once.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<Step> steps = new ArrayList<>();
    if (client != null) {
      steps.add(client::close);
    }
    if (cluster != null) {
      steps.add(cluster::shutdown);
    }
    if (node != null) {
      steps.add(node::stop);
    }
    List<Exception> failures = new ArrayList<>();
    for (Step step : steps) {
      try {
        step.run();
      } catch (Exception e) {
        failures.add(e);
      }
    }
    replacedProperties.forEach(LocalSolr::restoreProperty);
    if (temporaryHome) {
      TemporaryFolders.deleteQuietly(home);
    }
    if (!failures.isEmpty()) {
      IllegalStateException failure =
          new IllegalStateException(
              "Solr at " + home + " did not stop cleanly: " + failures.get(0), failures.get(0));
      failures.subList(1, failures.size()).forEach(failure::addSuppressed);
      throw failure;
    }
  }

  /** One step of stopping. */
  private interface Step {
    void run() throws Exception;
  }

  @Override
  public String toString() {
    return (isCloud()
            ? "SolrCloud of " + nodeUrls.size() + " nodes " + nodeUrls
            : "Solr " + nodeUrls)
        + ", collection "
        + collection
        + ", home "
        + home;
  }

  private void startStandalone(int port) throws Exception {
    Files.writeString(home.resolve("solr.xml"), STANDALONE_SOLR_XML, StandardCharsets.UTF_8);
    Path instance = home.resolve(collection);
    ConfigSetFiles.copy(configSet, instance.resolve("conf"));
    Path coreProperties = instance.resolve("core.properties");
    if (!Files.exists(coreProperties)) {
      Files.writeString(coreProperties, "name=" + collection + "\n", StandardCharsets.UTF_8);
    }
    node = new JettySolrRunner(home.toString(), new Properties(), jettyConfig(port));
    startNode(node, port);
    Map<String, CoreContainer.CoreLoadFailure> failures =
        node.getCoreContainer().getCoreInitFailures();
    if (!failures.isEmpty()) {
      CoreContainer.CoreLoadFailure failure = failures.values().iterator().next();
      throw new IllegalStateException(
          "Solr could not load core '"
              + collection
              + "' from "
              + instance
              + ": "
              + rootMessage(failure.exception)
              + " (log: "
              + logFile()
              + ")",
          failure.exception);
    }
    nodeUrls = List.of(node.getBaseUrl().toString());
    client =
        new Http2SolrClient.Builder(baseUrl())
            .withDefaultCollection(collection)
            .withIdleTimeout(CLIENT_TIMEOUT_MINUTES, TimeUnit.MINUTES)
            .withRequestTimeout(CLIENT_TIMEOUT_MINUTES, TimeUnit.MINUTES)
            .build();
  }

  private void startCloud(int port, int nodes, int shards) throws Exception {
    String solrXml =
        MiniSolrCloudCluster.DEFAULT_CLOUD_SOLR_XML.replace(
            "${metricsEnabled:false}", "${metricsEnabled:true}");
    cluster = new MiniSolrCloudCluster(0, home, solrXml, jettyConfig(0));
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      int nodePort = port == 0 ? 0 : port + i;
      try {
        urls.add(
            cluster
                .startJettySolrRunner("node" + (i + 1), "/solr", jettyConfig(nodePort))
                .getBaseUrl()
                .toString());
      } catch (Exception e) {
        throw bindFailure(e, nodePort).orElseThrow(() -> e);
      }
    }
    nodeUrls = List.copyOf(urls);
    cluster.waitForAllNodes(60);
    Path conf = home.resolve("configset");
    ConfigSetFiles.copy(configSet, conf);
    cluster.uploadConfigSet(conf, collection);
    client =
        new CloudHttp2SolrClient.Builder(
                List.of(cluster.getZkServer().getZkAddress()), Optional.empty())
            .withDefaultCollection(collection)
            .withInternalClientBuilder(
                new Http2SolrClient.Builder()
                    .withIdleTimeout(CLIENT_TIMEOUT_MINUTES, TimeUnit.MINUTES)
                    .withRequestTimeout(CLIENT_TIMEOUT_MINUTES, TimeUnit.MINUTES))
            .build();
    CollectionAdminResponse created =
        CollectionAdminRequest.createCollection(collection, collection, shards, 1).process(client);
    if (!created.isSuccess()) {
      throw new IllegalStateException(
          "SolrCloud could not create collection '"
              + collection
              + "': "
              + created.getErrorMessages()
              + " (log: "
              + logFile()
              + ")");
    }
    cluster.waitForActiveCollection(collection, 60, TimeUnit.SECONDS, shards, shards);
  }

  private static void startNode(JettySolrRunner node, int port) throws Exception {
    try {
      node.start();
    } catch (Exception e) {
      throw bindFailure(e, port).orElseThrow(() -> e);
    }
  }

  private static Optional<Exception> bindFailure(Exception e, int port) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return Optional.of(new PortInUseException(port, e));
      }
    }
    return Optional.empty();
  }

  private static JettyConfig jettyConfig(int port) {
    // no Jetty shutdown hook (the owner closes this), and no waiting for a busy port
    return JettyConfig.builder().setPort(port).stopAtShutdown(false).withPortRetryTime(0).build();
  }

  /** Sets the properties the configset reads for the model, remembering what they were. */
  private void setModelProperties() {
    setProperty(MODEL_DIR_PROPERTY, model.folder().toString());
    setProperty(VECTOR_DIMENSION_PROPERTY, Integer.toString(model.dimension()));
  }

  private void setProperty(String name, String value) {
    replacedProperties.putIfAbsent(name, System.getProperty(name));
    System.setProperty(name, value);
  }

  private static void restoreProperty(String name, String previous) {
    if (previous == null) {
      System.clearProperty(name);
    } else {
      System.setProperty(name, previous);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e
        ? String.valueOf(e.getMessage())
        : e.getMessage() + "; caused by: " + root.getMessage();
  }

  /** Solr cannot listen on the port it was given, because something else does. */
  public static final class PortInUseException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final int port;

    PortInUseException(int port, Throwable cause) {
      super("cannot start Solr on port " + port + ": the port is in use", cause);
      this.port = port;
    }

    public int port() {
      return port;
    }
  }

  /** Options of a {@link LocalSolr}; everything but the model has a default. */
  public static final class Builder {
    private final ModelFolder model;
    private Path configSet;
    private Path home;
    private int port;
    private int nodes;
    private int shards;
    private String collection = DEFAULT_COLLECTION;

    private Builder(ModelFolder model) {
      this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * The configset folder to copy (default: {@code solr-config/conf} of the checkout, see {@link
     * ProjectLayout}).
     */
    public Builder configSet(Path configSet) {
      this.configSet = Objects.requireNonNull(configSet, "configSet");
      return this;
    }

    /**
     * The Solr home (default: a temporary folder, deleted on close). A standalone core's index in a
     * given home survives restarts; SolrCloud needs a home that is empty or does not exist.
     */
    public Builder home(Path home) {
      this.home = Objects.requireNonNull(home, "home");
      return this;
    }

    /**
     * The port of the (first) node; the others take the next ones. 0 (the default): any free port.
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * SolrCloud with {@code nodes} nodes and an embedded ZooKeeper instead of a standalone node.
     */
    public Builder cloud(int nodes) {
      this.nodes = WholeNumber.atLeast("the nodes of a SolrCloud cluster", nodes, 1);
      return this;
    }

    /** Shards of the SolrCloud collection (default: one per node). */
    public Builder shards(int shards) {
      this.shards = WholeNumber.atLeast("shards", shards, 1);
      return this;
    }

    /** The collection (standalone: core) name (default {@value LocalSolr#DEFAULT_COLLECTION}). */
    public Builder collection(String collection) {
      if (collection == null || !COLLECTION_NAME.matcher(collection).matches()) {
        throw new IllegalArgumentException(
            "collection name must be letters, digits, '_', '.' or '-', got '" + collection + "'");
      }
      this.collection = collection;
      return this;
    }

    /**
     * Starts Solr and waits until the collection is ready.
     *
     * @throws IllegalStateException when a port is in use or Solr cannot load the configset with
     *     this model (the message says why; Solr's log has the details)
     */
    public LocalSolr start() throws Exception {
      Path conf = configSet != null ? configSet : ProjectLayout.locate().configSet();
      if (!Files.isRegularFile(conf.resolve("solrconfig.xml"))) {
        throw new IllegalArgumentException(conf + " is not a configset: it has no solrconfig.xml");
      }
      if (shards > 0 && nodes == 0) {
        throw new IllegalArgumentException("shards apply to SolrCloud only; call cloud(nodes) too");
      }
      boolean temporary = home == null;
      Path dir =
          temporary ? Files.createTempDirectory("solr-echo-") : home.toAbsolutePath().normalize();
      if (!temporary && nodes > 0 && Files.isDirectory(dir)) {
        try (Stream<Path> entries = Files.list(dir)) {
          if (entries.findAny().isPresent()) {
            throw new IllegalArgumentException(
                "SolrCloud needs an empty Solr home; " + dir + " is not empty");
          }
        }
      }
      Files.createDirectories(dir.resolve("logs"));
      JERSEY.setLevel(Level.SEVERE);
      System.setProperty(LOG_DIR_PROPERTY, dir.resolve("logs").toString());
      LocalSolr solr = new LocalSolr(this, conf.toAbsolutePath().normalize(), dir, temporary);
      try {
        solr.setModelProperties();
        if (nodes == 0) {
          solr.startStandalone(port);
        } else {
          solr.startCloud(port, nodes, shards == 0 ? nodes : shards);
        }
        return solr;
      } catch (Exception | Error e) {
        try {
          solr.close();
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    }
  }
}
