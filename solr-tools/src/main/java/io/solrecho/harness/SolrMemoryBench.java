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
import com.google.gson.JsonObject;
import io.solrecho.cli.BenchJson;
import io.solrecho.cli.ProcessMemory;
import io.solrecho.demo.LocalSolr;
import io.solrecho.embed.WholeNumber;
import io.solrecho.progress.ProgressBar;
import java.util.ArrayList;
import java.util.List;

/**
 * Memory of the process (Solr, the plugin and the model run in it) over a long indexing run through
 * the echo update chain: Java heap in use after a full GC, and resident memory (heap, native memory
 * of the model and libtorch, and pages of the index files Lucene maps), sampled before the run and
 * after each tenth. Every document's text is distinct (a sample body and its number).
 */
final class SolrMemoryBench {
  static final int SAMPLES = 10;

  private SolrMemoryBench() {}

  /**
   * @param bodies texts to cycle through
   * @param total embeddings (documents) to index, at least 1
   */
  static JsonObject run(LocalSolr solr, List<String> bodies, int total) throws Exception {
    WholeNumber.atLeast("the documents of the memory run", total, 1);
    JsonArray samples = new JsonArray();
    samples.add(sample(0));
    int step = Math.max(1, (total + SAMPLES - 1) / SAMPLES);
    long start = System.nanoTime();
    try (ProgressBar progress = ProgressBar.step("bench: memory run", total, "docs")) {
      for (int done = 0; done < total; ) {
        int count = Math.min(step, total - done);
        List<String> texts = new ArrayList<>(count);
        for (int i = done; i < done + count; i++) {
          texts.add(bodies.get(i % bodies.size()) + " #" + i);
        }
        long before = done;
        solr.index(
            IndexingBench.documents("memory-" + done + "-", texts),
            IndexingBench.REQUEST_SIZE,
            (indexed, all) -> progress.update(before + indexed));
        done += count;
        samples.add(sample(done));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    JsonObject report = new JsonObject();
    report.addProperty("embeddings", total);
    report.addProperty("seconds", BenchJson.round(seconds));
    report.addProperty("docs_per_s", BenchJson.round(total / seconds));
    report.add("samples", samples);
    JsonObject baseline = samples.get(0).getAsJsonObject();
    JsonObject first = samples.get(1).getAsJsonObject();
    JsonObject last = samples.get(samples.size() - 1).getAsJsonObject();
    report.addProperty(
        "heap_growth_mib",
        BenchJson.round(mib(last, "heap_used_mib") - mib(baseline, "heap_used_mib")));
    report.addProperty(
        "rss_growth_mib", BenchJson.round(mib(last, "rss_mib") - mib(baseline, "rss_mib")));
    report.addProperty(
        "heap_growth_after_first_sample_mib",
        BenchJson.round(mib(last, "heap_used_mib") - mib(first, "heap_used_mib")));
    report.addProperty(
        "rss_growth_after_first_sample_mib",
        BenchJson.round(mib(last, "rss_mib") - mib(first, "rss_mib")));
    return report;
  }

  private static JsonObject sample(long embeddings) {
    System.gc();
    JsonObject sample = new JsonObject();
    sample.addProperty("embeddings", embeddings);
    sample.addProperty("heap_used_mib", BenchJson.round(ProcessMemory.heapUsedMiB()));
    sample.addProperty("rss_mib", BenchJson.round(ProcessMemory.residentMiB()));
    return sample;
  }

  private static double mib(JsonObject sample, String name) {
    return sample.get(name).getAsDouble();
  }
}
