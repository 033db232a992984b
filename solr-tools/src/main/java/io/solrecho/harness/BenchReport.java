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

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.solrecho.eval.MarkdownTable;
import java.util.Locale;
import java.util.Map;

/** The Markdown of a {@link BenchCommand} report, read from its JSON so that both say the same. */
final class BenchReport {
  private BenchReport() {}

  static String markdown(JsonObject report) {
    JsonObject model = report.getAsJsonObject("model");
    JsonObject machine = report.getAsJsonObject("machine");
    JsonObject declaration = model.getAsJsonObject("solr_declaration");
    StringBuilder md =
        new StringBuilder("# solr-echo benchmark: ")
            .append(folderName(model.get("folder").getAsString()))
            .append(
                model.get("random_smollm2_shape").getAsBoolean()
                    ? " (random weights, SmolLM2-135M shape)"
                    : "")
            .append("\n\n");
    MarkdownTable setup = new MarkdownTable("setting", "value");
    setup.row("model", model.get("folder").getAsString());
    setup.row("architecture", report.getAsJsonObject("engine").get("config").getAsString());
    setup.row(
        "device / dtype",
        report.getAsJsonObject("engine").get("device").getAsString()
            + " / "
            + report.getAsJsonObject("engine").get("dtype").getAsString());
    setup.row("max tokens per copy", declaration.get("maxTokens").getAsString());
    setup.row(
        "cpu cores / load average at start",
        machine.get("cpu_cores").getAsInt()
            + " / "
            + machine.get("load_average_at_start").getAsDouble());
    setup.row(
        "java / max heap",
        machine.get("java").getAsString()
            + " / "
            + Math.round(machine.get("max_heap_mib").getAsDouble())
            + " MiB");
    setup.row("counts", model.get("quick").getAsBoolean() ? "--quick (small, for CI)" : "full");
    setup.row(
        "finished / total time",
        report.get("finished").getAsString()
            + " / "
            + number(report.get("total_seconds").getAsDouble(), 0)
            + " s");
    md.append(setup).append('\n');
    engine(md, report.getAsJsonObject("engine"));
    embedding(md, report.getAsJsonObject("embedding"));
    indexing(md, report.getAsJsonObject("indexing"));
    latency(md, report.getAsJsonObject("query_latency"));
    memory(md, report.getAsJsonObject("memory"));
    return md.toString();
  }

  private static void engine(StringBuilder md, JsonObject engine) {
    md.append("## Engine: forward pass\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Dense float32 matrix product (%s) measured in the same run: %s GFLOP/s."
                + " The model's rate counts the matrix products and attention of the forward pass.%n%n",
            engine.get("matmul_shape").getAsString(),
            number(engine.get("matmul_gflops").getAsDouble(), 1)));
    MarkdownTable table =
        new MarkdownTable("batch x length", "tokens/s", "model GFLOP/s", "ratio to matmul");
    for (JsonElement element : engine.getAsJsonArray("runs")) {
      JsonObject run = element.getAsJsonObject();
      table.row(
          run.get("batch").getAsInt() + "x" + run.get("length").getAsInt(),
          number(run.get("tokens_per_s").getAsDouble(), 0),
          number(run.get("model_gflops").getAsDouble(), 2),
          number(run.get("ratio_to_matmul").getAsDouble(), 3));
    }
    md.append(table).append('\n');
  }

  private static void embedding(StringBuilder md, JsonObject embedding) {
    md.append("## Echo vs classical: cost per text\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "%d sample-collection bodies per measurement as documents through the shared"
                + " embedding service (the paper's zero-shot templates), with concurrent callers.%n%n",
            embedding.get("texts_per_measurement").getAsInt()));
    MarkdownTable table =
        new MarkdownTable("mode", "callers", "texts/s", "tokens/s", "prompt tokens");
    for (JsonElement element : embedding.getAsJsonArray("runs")) {
      JsonObject run = element.getAsJsonObject();
      table.row(
          run.get("mode").getAsString(),
          String.valueOf(run.get("callers").getAsInt()),
          number(run.get("texts_per_s").getAsDouble(), 1),
          number(run.get("tokens_per_s").getAsDouble(), 0),
          number(run.get("mean_prompt_tokens").getAsDouble(), 1));
    }
    md.append(table).append('\n');
    MarkdownTable ratios = new MarkdownTable("callers", "echo / classical time per text");
    for (Map.Entry<String, JsonElement> ratio :
        embedding.getAsJsonObject("echo_to_classical_time_ratio").entrySet()) {
      ratios.row(ratio.getKey().replace("callers_", ""), number(ratio.getValue().getAsDouble(), 2));
    }
    md.append(ratios).append('\n');
  }

  private static void indexing(StringBuilder md, JsonObject indexing) {
    JsonObject engine = indexing.getAsJsonObject("engine");
    JsonObject solr = indexing.getAsJsonObject("solr");
    int documents = indexing.get("documents").getAsInt();
    int request = indexing.get("request_size").getAsInt();
    md.append("## Indexing: Solr's echo update chain vs the engine alone\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "The same %d texts (sample bodies, repeated), %.1f prompt tokens on average:"
                + " the engine embeds them %d at a time; Solr receives them as documents in update requests of %d, embeds"
                + " them in its update chain, indexes them (HNSW included) and commits.%n%n",
            documents,
            engine.get("mean_prompt_tokens").getAsDouble(),
            request,
            request));
    MarkdownTable table = new MarkdownTable("path", "documents", "seconds", "docs/s");
    table.row(
        "engine alone",
        String.valueOf(documents),
        number(engine.get("seconds").getAsDouble(), 2),
        number(engine.get("docs_per_s").getAsDouble(), 1));
    table.row(
        "Solr update chain",
        String.valueOf(documents),
        number(solr.get("seconds").getAsDouble(), 2),
        number(solr.get("docs_per_s").getAsDouble(), 1));
    JsonObject reindex = indexing.getAsJsonObject("solr_reindex");
    table.row(
        "Solr update chain, the same documents again",
        String.valueOf(documents),
        number(reindex.get("seconds").getAsDouble(), 2),
        number(reindex.get("docs_per_s").getAsDouble(), 1));
    md.append(table).append('\n');
    md.append(
        String.format(
            Locale.ROOT,
            "Solr takes %sx the engine's time. Sent again unchanged, the documents keep their stored"
                + " vectors (reuseVectors: %d reused, %d texts embedded): re-indexing is %sx faster"
                + " than the first indexing.%n%n",
            number(indexing.get("solr_to_engine_time_ratio").getAsDouble(), 2),
            reindex.get("vectors_reused").getAsLong(),
            reindex.get("texts_embedded").getAsLong(),
            number(indexing.get("first_indexing_to_reindex_time_ratio").getAsDouble(), 1)));
  }

  private static void latency(StringBuilder md, JsonObject latency) {
    md.append("## Query latency: {!echo topK=")
        .append(latency.get("top_k").getAsInt())
        .append("}\n\n");
    md.append(
        "As a client sees it (SolrJ over HTTP on localhost), query embedding included. Cold: every query text is"
            + " new, so it is embedded. Warm: the same texts again, their vectors come from the plugin's query cache."
            + " Solr's queryResultCache is off in the benchmark's configset, so every request runs the knn search.\n\n");
    MarkdownTable table =
        new MarkdownTable("query vectors", "queries", "p50 ms", "p99 ms", "mean ms", "max ms");
    for (String kind : new String[] {"cold", "warm"}) {
      JsonObject run = latency.getAsJsonObject(kind);
      table.row(
          kind,
          String.valueOf(run.get("queries").getAsInt()),
          number(run.get("p50_ms").getAsDouble(), 2),
          number(run.get("p99_ms").getAsDouble(), 2),
          number(run.get("mean_ms").getAsDouble(), 2),
          number(run.get("max_ms").getAsDouble(), 2));
    }
    md.append(table).append('\n');
  }

  private static void memory(StringBuilder md, JsonObject memory) {
    md.append("## Memory over ")
        .append(memory.get("embeddings").getAsInt())
        .append(" embeddings through Solr\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Distinct documents indexed through the echo update chain (%s docs/s over the"
                + " run), sampled after a full GC: heap in use, and resident memory of the process (heap, the model and"
                + " libtorch, Solr, and index pages Lucene maps).%n%n",
            number(memory.get("docs_per_s").getAsDouble(), 1)));
    MarkdownTable table = new MarkdownTable("embeddings", "heap used MiB", "RSS MiB");
    JsonArray samples = memory.getAsJsonArray("samples");
    for (JsonElement element : samples) {
      JsonObject sample = element.getAsJsonObject();
      table.row(
          String.valueOf(sample.get("embeddings").getAsLong()),
          number(sample.get("heap_used_mib").getAsDouble(), 1),
          number(sample.get("rss_mib").getAsDouble(), 1));
    }
    md.append(table).append('\n');
    md.append(
        String.format(
            Locale.ROOT,
            "Growth from before the run: heap %s MiB, RSS %s MiB; after the first tenth:"
                + " heap %s MiB, RSS %s MiB.%n",
            number(memory.get("heap_growth_mib").getAsDouble(), 1),
            number(memory.get("rss_growth_mib").getAsDouble(), 1),
            number(memory.get("heap_growth_after_first_sample_mib").getAsDouble(), 1),
            number(memory.get("rss_growth_after_first_sample_mib").getAsDouble(), 1)));
  }

  private static String number(double value, int decimals) {
    return MarkdownTable.number(value, decimals);
  }

  private static String folderName(String folder) {
    int slash = folder.lastIndexOf('/');
    return slash < 0 ? folder : folder.substring(slash + 1);
  }
}
