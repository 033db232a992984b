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
package io.solrecho.harness;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.solrecho.cli.BenchEmbedCommand;
import io.solrecho.cli.BenchJson;
import io.solrecho.cli.BenchLmCommand;
import io.solrecho.cli.Command;
import io.solrecho.demo.LocalSolr;
import io.solrecho.demo.ProjectLayout;
import io.solrecho.demo.SampleCollection;
import io.solrecho.embed.EmbeddingSettings;
import io.solrecho.lm.CausalLanguageModel;
import io.solrecho.lm.LmOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * {@code bin/solr-echo bench}: what the plugin costs, measured in one run and written as {@value
 * #JSON} and {@value #MARKDOWN} (the Markdown also on stdout):
 *
 * <ol>
 *   <li>the engine: forward-pass tokens/s and its FLOP rate against the dense matrix-product rate
 *       ({@link BenchLmCommand#measure});
 *   <li>echo against classical through the embedding service ({@link BenchEmbedCommand#measure});
 *   <li>indexing through Solr's echo update chain against the engine alone ({@link IndexingBench});
 *   <li>{@code {!echo}} latency, query embedding included, cold and warm ({@link
 *       QueryLatencyBench});
 *   <li>memory over a long indexing run ({@link SolrMemoryBench}).
 * </ol>
 */
@CommandLine.Command(
    name = "bench",
    description = {
      "What the plugin costs: engine, echo against classical, Solr indexing, {!echo} latency and"
          + " memory; writes "
          + BenchCommand.JSON
          + " and "
          + BenchCommand.MARKDOWN
          + ".",
      ""
    })
public final class BenchCommand implements Command {
  static final String JSON = "bench.json";
  static final String MARKDOWN = "bench.md";

  /** Distinct queries run before the timed ones. */
  static final int QUERY_WARMUP = 10;

  @Mixin private BenchArguments arguments;

  @Override
  public int run(PrintStream out) throws Exception {
    BenchOptions options = BenchOptions.read(arguments);
    JsonObject report = run(options);
    String markdown = BenchReport.markdown(report);
    Files.createDirectories(options.out());
    Path json =
        Files.writeString(
            options.out().resolve(JSON),
            new GsonBuilder()
                    .setPrettyPrinting()
                    .serializeNulls()
                    .disableHtmlEscaping()
                    .create()
                    .toJson(report)
                + "\n",
            StandardCharsets.UTF_8);
    Path md = Files.writeString(options.out().resolve(MARKDOWN), markdown, StandardCharsets.UTF_8);
    out.print(markdown);
    out.println();
    out.println("wrote " + json);
    out.println("wrote " + md);
    out.flush();
    return 0;
  }

  /** Runs every measurement; returns the report. */
  static JsonObject run(BenchOptions options) throws Exception {
    long begin = System.nanoTime();
    JsonObject report = new JsonObject();
    report.add("machine", machine());
    Path folder =
        options.model() != null
            ? options.model()
            : BenchEmbedCommand.randomModelWithTokenizer(options.cache(), options.tokenizer());
    ModelDeclaration model = declaration(folder, options);
    LmOptions lm = LmOptions.of(model.parameters().get("device"), model.parameters().get("dtype"));
    EmbeddingSettings settings = model.embeddingSettings();
    report.add("model", describe(model, options));
    ProjectLayout layout = ProjectLayout.locate();
    List<String> bodies = new ArrayList<>();
    SampleCollection.readDocuments(layout.sampleDocuments()).forEach(d -> bodies.add(d.body()));

    System.err.println("bench: forward pass of " + folder + " ...");
    try (CausalLanguageModel lmModel = CausalLanguageModel.load(folder, lm)) {
      report.add(
          "engine", BenchLmCommand.measure(lmModel, folder, options.shapes(), options.seconds()));
    }
    System.err.println("bench: echo vs classical through the embedding service ...");
    Map<String, String> shared = new LinkedHashMap<>();
    shared.put("maxTokens", model.parameters().get("maxTokens"));
    shared.put("batchSize", model.parameters().get("batchSize"));
    report.add(
        "embedding",
        BenchEmbedCommand.measure(
            folder, lm, shared, cycle(bodies, options.texts()), options.callers(), 0));

    System.err.println("bench: starting Solr ...");
    try (ExperimentConfigSet conf =
            ExperimentConfigSet.declaring(layout.configSet(), model)
                .withoutQueryResultCache(QUERY_WARMUP + options.queries());
        LocalSolr solr =
            LocalSolr.builder(folder).configSet(conf.folder()).collection("bench").start()) {
      report.add(
          "indexing",
          IndexingBench.run(folder, lm, settings, solr, cycle(bodies, options.documents())));
      report.add(
          "query_latency",
          QueryLatencyBench.run(
              solr, queryTexts(layout, QUERY_WARMUP + options.queries()), QUERY_WARMUP));
      report.add("memory", SolrMemoryBench.run(solr, bodies, options.memory()));
    }
    report.addProperty("total_seconds", BenchJson.round((System.nanoTime() - begin) / 1e9));
    report.addProperty("finished", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    return report;
  }

  /**
   * The echo retrieval declaration ({@link ModelDeclaration#echoRetrieval}) with the options'
   * parameters.
   */
  static ModelDeclaration declaration(Path folder, BenchOptions options) {
    ModelDeclaration model = ModelDeclaration.echoRetrieval(folder);
    for (Map.Entry<String, String> parameter : options.modelParameters().entrySet()) {
      model = model.with(parameter.getKey(), parameter.getValue());
    }
    return model;
  }

  /** {@code count} texts: {@code texts} repeated as needed. */
  static List<String> cycle(List<String> texts, int count) {
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(texts.get(i % texts.size()));
    }
    return out;
  }

  /**
   * {@code count} distinct query texts: the sample collection's queries and document titles, then
   * the same with a number appended.
   */
  static List<String> queryTexts(ProjectLayout layout, int count) throws IOException {
    Set<String> base = new LinkedHashSet<>();
    SampleCollection.readQueries(layout.sampleQueries()).forEach(q -> base.add(q.text()));
    SampleCollection.readDocuments(layout.sampleDocuments()).forEach(d -> base.add(d.title()));
    List<String> unique = new ArrayList<>(base);
    List<String> texts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String text = unique.get(i % unique.size());
      texts.add(i < unique.size() ? text : text + " (" + (i / unique.size() + 1) + ")");
    }
    return texts;
  }

  private static JsonObject machine() {
    JsonObject machine = new JsonObject();
    machine.addProperty("cpu_cores", Runtime.getRuntime().availableProcessors());
    machine.addProperty("load_average_at_start", loadAverage());
    machine.addProperty("java", System.getProperty("java.version"));
    machine.addProperty(
        "max_heap_mib", BenchJson.round(Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0)));
    machine.addProperty("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    return machine;
  }

  private static JsonObject describe(ModelDeclaration model, BenchOptions options) {
    JsonObject json = new JsonObject();
    json.addProperty("folder", model.folder().toString());
    json.addProperty("random_smollm2_shape", options.model() == null);
    json.addProperty("dimension", model.model().dimension());
    json.addProperty("quick", options.quick());
    JsonObject parameters = new JsonObject();
    model.parameters().forEach(parameters::addProperty);
    json.add("solr_declaration", parameters);
    return json;
  }

  /** The one-minute load average from /proc/loadavg, or -1 where there is none. */
  private static double loadAverage() {
    try {
      return Double.parseDouble(
          Files.readString(Paths.get("/proc/loadavg")).trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
