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

import io.solrecho.cli.Command;
import io.solrecho.cli.Converters;
import io.solrecho.download.HubDownloader;
import io.solrecho.progress.ProgressBar;
import io.solrecho.progress.ProgressUnit;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code demo}: a real Solr on localhost (one node, or a SolrCloud cluster) with the solr-echo
 * configset and plugin, the sample collection indexed through the echo update chain, its example
 * queries answered with {@code {!echo}}, then the Solr kept serving until Ctrl-C.
 */
@CommandLine.Command(
    name = "demo",
    description = {
      "Start a local Solr with the plugin, index the sample collection, run its example queries,"
          + " serve.",
      ""
    })
public final class DemoCommand implements Command {
  /** Documents per update request. */
  static final int BATCH_SIZE = 32;

  /** An example query for the curl line. */
  static final String EXAMPLE_QUERY = "how do plants turn sunlight into food";

  private final ProjectLayout layout;
  private final Map<String, String> environment;
  private final PrintStream err;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description =
          "a model folder (config.json, tokenizer.json, *.safetensors); default: models/"
              + DefaultModel.FOLDER
              + ", downloaded from the Hugging Face hub ("
              + DefaultModel.REPO_ID
              + ") on first use; HF_ENDPOINT and HF_TOKEN apply")
  private Path model;

  @Option(
      names = "--solrcloud",
      paramLabel = "N",
      converter = Converters.PositiveInt.class,
      description =
          "N SolrCloud nodes with an embedded ZooKeeper, the collection with N shards; default:"
              + " one standalone node")
  private Integer solrCloudNodes;

  @Option(
      names = "--port",
      paramLabel = "P",
      converter = Converters.Port.class,
      description =
          "the (first) node's port, 0 for any free port; default "
              + DemoOptions.DEFAULT_PORT
              + ", with --no-serve any free port")
  private Integer port;

  @Option(
      names = "--no-serve",
      paramLabel = "true|false",
      arity = "0..1",
      fallbackValue = "true",
      description = "stop after the example queries instead of serving until Ctrl-C")
  private boolean noServe;

  @Option(
      names = "--docs",
      paramLabel = "FILE",
      description =
          "documents, JSON lines with id, title, body; default: sample-collection/documents.jsonl")
  private Path documents;

  @Option(
      names = "--queries",
      paramLabel = "FILE",
      description =
          "queries, {\"queries\": [{\"id\", \"text\", \"relevant\": [ids]}]}; default:"
              + " sample-collection/queries.json")
  private Path queries;

  /**
   * The command as bin/solr-echo runs it: this checkout, the process environment, standard error.
   */
  public DemoCommand() {
    this(null, System.getenv(), System.err);
  }

  /**
   * @param layout the checkout (null: {@link ProjectLayout#locate()} when run)
   * @param environment where HF_ENDPOINT and HF_TOKEN are read for the default model's download
   * @param err progress and messages
   */
  DemoCommand(ProjectLayout layout, Map<String, String> environment, PrintStream err) {
    this.layout = layout;
    this.environment = Map.copyOf(environment);
    this.err = err;
  }

  @Override
  public int run(PrintStream out) throws Exception {
    ProjectLayout checkout = layout();
    return run(
        new DemoOptions(
            model,
            solrCloudNodes == null ? 0 : solrCloudNodes,
            port != null ? port : noServe ? 0 : DemoOptions.DEFAULT_PORT,
            !noServe,
            documents != null ? documents : checkout.sampleDocuments(),
            queries != null ? queries : checkout.sampleQueries()),
        out);
  }

  private ProjectLayout layout() {
    return layout != null ? layout : ProjectLayout.locate();
  }

  /** Runs the demo; returns the exit code. */
  int run(DemoOptions options, PrintStream out) throws Exception {
    List<SampleCollection.Document> documents = SampleCollection.readDocuments(options.documents());
    List<SampleCollection.Query> queries = SampleCollection.readQueries(options.queries());
    ProjectLayout checkout = layout();
    Path folder;
    if (options.model() != null) {
      folder = options.model();
    } else {
      try {
        folder =
            DefaultModel.ensure(
                checkout.models(),
                HubDownloader.builder().environment(environment).progress(err).build());
      } catch (DefaultModel.ModelUnavailableException e) {
        err.println("solr-echo demo: " + e.getMessage());
        return 1;
      }
    }
    ModelFolder model = ModelFolder.read(folder);
    Path configSet = checkout.configSet();
    out.printf(
        Locale.ROOT,
        "model: %s (%d dimensions), with the settings of %s: %s%n",
        model.folder(),
        model.dimension(),
        checkout.root().relativize(configSet.resolve(ModelsFile.NAME)),
        settings(ModelsFile.read(configSet)));

    err.println(
        options.nodes() == 0
            ? "starting Solr ..."
            : "starting SolrCloud with " + options.nodes() + " nodes ...");
    long startNanos = System.nanoTime();
    LocalSolr.Builder builder =
        LocalSolr.builder(model.folder()).configSet(configSet).port(options.port());
    if (options.nodes() > 0) {
      builder.cloud(options.nodes());
    }
    LocalSolr started;
    try {
      started = builder.start();
    } catch (IllegalStateException e) {
      err.println(
          "solr-echo demo: "
              + e.getMessage()
              + (e instanceof LocalSolr.PortInUseException
                  ? "; choose another with --port P (0: any free port)"
                  : ""));
      return 1;
    }
    try (LocalSolr solr = started) {
      Thread shutdown = new Thread(() -> stop(solr), "solr-echo-demo-shutdown");
      Runtime.getRuntime().addShutdownHook(shutdown);
      try {
        out.printf(
            Locale.ROOT,
            "solr: %s, collection '%s'%s, started in %.1f s (log: %s)%n",
            String.join(" ", solr.nodeUrls()),
            solr.collection(),
            solr.isCloud() ? " (" + options.nodes() + " shards x 1 replica)" : "",
            seconds(startNanos),
            solr.logFile());
        int missing = index(solr, documents, out);
        ExampleQueries.run(solr.solrClient(), queries, out);
        if (missing > 0) {
          err.println(
              "solr-echo demo: "
                  + missing
                  + " of "
                  + documents.size()
                  + " documents have no vector");
          return 1;
        }
        if (options.serve()) {
          serve(solr, out);
        }
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(shutdown);
        } catch (IllegalStateException shuttingDown) {
          // the hook is stopping Solr already
        }
      }
    }
    return 0;
  }

  /** The configset's models with the settings a reader of the demo cares about, as declared. */
  private static String settings(Map<String, Map<String, String>> models) {
    List<String> described = new ArrayList<>();
    models.forEach(
        (name, parameters) -> {
          List<String> shown = new ArrayList<>();
          for (String parameter : List.of("mode", "maxTokens", "device", "dtype")) {
            if (parameters.containsKey(parameter)) {
              shown.add(parameter + " " + parameters.get(parameter));
            }
          }
          described.add("'" + name + "' (" + String.join(", ", shown) + ")");
        });
    return String.join("; ", described);
  }

  /**
   * Indexes the documents with a progress bar; returns how many of them have no vector of the
   * model's length.
   */
  private int index(LocalSolr solr, List<SampleCollection.Document> documents, PrintStream out)
      throws Exception {
    List<SolrInputDocument> batch = new ArrayList<>(documents.size());
    documents.forEach(d -> batch.add(d.toSolr()));
    ProgressBar bar = new ProgressBar(err, ProgressUnit.items("docs"));
    bar.start("indexing", 0, documents.size());
    bar.update(0);
    long sent = solr.index(batch, BATCH_SIZE, (indexed, total) -> bar.update(indexed));
    bar.finish();
    double seconds = bar.elapsedSeconds();
    int withVectors = withVectors(solr, documents.size());
    out.printf(
        Locale.ROOT,
        "indexed %d documents in %.1f s (%.1f docs/s); %d of them have a %d-dimensional vector%n",
        sent,
        seconds,
        sent / Math.max(seconds, 1e-9),
        withVectors,
        solr.model().dimension());
    return documents.size() - withVectors;
  }

  /** Documents in the collection whose stored vector has the model's dimension. */
  private static int withVectors(LocalSolr solr, int rows) throws Exception {
    SolrQuery all = new SolrQuery("*:*");
    all.setFields("id", LocalSolr.VECTOR_FIELD);
    all.setRows(rows);
    int count = 0;
    for (SolrDocument doc : solr.solrClient().query(all).getResults()) {
      Object vector = doc.getFieldValue(LocalSolr.VECTOR_FIELD);
      if (vector instanceof List && ((List<?>) vector).size() == solr.model().dimension()) {
        count++;
      }
    }
    return count;
  }

  private void serve(LocalSolr solr, PrintStream out) throws InterruptedException {
    out.printf(
        Locale.ROOT,
        "%nSolr is serving collection '%s' at %s%n",
        solr.collection(),
        solr.baseUrl());
    out.println("Try a query:");
    out.printf(
        Locale.ROOT,
        "  curl -G '%s/%s/select' --data-urlencode 'q={!echo f=%s topK=5}%s'"
            + " --data-urlencode 'fl=id,title,score' --data-urlencode 'rows=5'%n",
        solr.baseUrl(),
        solr.collection(),
        LocalSolr.VECTOR_FIELD,
        EXAMPLE_QUERY);
    out.println("Press Ctrl-C to stop.");
    out.flush();
    new CountDownLatch(1).await(); // until Ctrl-C: the shutdown hook stops Solr and the JVM exits
  }

  private void stop(LocalSolr solr) {
    err.println();
    err.println("stopping Solr ...");
    try {
      solr.close();
      err.println("Solr stopped.");
    } catch (RuntimeException e) {
      err.println("solr-echo demo: " + e.getMessage());
    }
    err.flush();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
