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

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.solrecho.ProjectFixtures;
import io.solrecho.cli.Command;
import io.solrecho.eval.EvalDataset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code bin/solr-echo bench --quick} on the tiny GPT-2: every measurement, as JSON and Markdown.
 */
public class BenchCommandTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void quickBenchWritesEverySectionAsJsonAndMarkdown() throws Exception {
    Path model = ProjectFixtures.tinyModel();
    Path out = tmp.getRoot().toPath().resolve("bench");
    Map<String, String> options = new HashMap<>();
    options.put("model", model.toString());
    options.put("out", out.toString());
    options.put("quick", "true");
    options.put("memory", "300");
    options.put("device", "cpu");
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    assertEquals(
        0,
        new BenchCommand()
            .run(options::get, new PrintStream(stdout, true, StandardCharsets.UTF_8)));

    JsonObject json =
        JsonParser.parseString(Files.readString(out.resolve("bench.json"))).getAsJsonObject();
    JsonObject engine = json.getAsJsonObject("engine");
    assertTrue(engine.get("matmul_gflops").getAsDouble() > 0);
    assertEquals(2, engine.getAsJsonArray("runs").size());
    assertTrue(
        engine.getAsJsonArray("runs").get(0).getAsJsonObject().get("ratio_to_matmul").getAsDouble()
            > 0);
    JsonObject embedding = json.getAsJsonObject("embedding");
    assertEquals(4, embedding.getAsJsonArray("runs").size());
    assertTrue(
        embedding.getAsJsonObject("echo_to_classical_time_ratio").get("callers_1").getAsDouble()
            > 0);
    JsonObject indexing = json.getAsJsonObject("indexing");
    assertEquals(64, indexing.get("documents").getAsInt());
    assertTrue(indexing.getAsJsonObject("solr").get("docs_per_s").getAsDouble() > 0);
    assertTrue(indexing.getAsJsonObject("engine").get("docs_per_s").getAsDouble() > 0);
    for (String kind : new String[] {"cold", "warm"}) {
      JsonObject latency = json.getAsJsonObject("query_latency").getAsJsonObject(kind);
      assertEquals(20, latency.get("queries").getAsInt());
      assertTrue(kind, latency.get("p50_ms").getAsDouble() > 0);
      assertTrue(kind, latency.get("p99_ms").getAsDouble() >= latency.get("p50_ms").getAsDouble());
    }
    JsonObject memory = json.getAsJsonObject("memory");
    assertEquals(300, memory.get("embeddings").getAsInt());
    assertEquals(11, memory.getAsJsonArray("samples").size());
    assertTrue(
        memory.getAsJsonArray("samples").get(10).getAsJsonObject().get("rss_mib").getAsDouble()
            > 0);

    String md = Files.readString(out.resolve("bench.md"));
    for (String heading :
        new String[] {
          "# solr-echo benchmark: tiny-gpt2",
          "## Engine: forward pass",
          "## Echo vs classical: cost per text",
          "## Indexing: Solr's echo update chain vs the engine alone",
          "## Query latency: {!echo topK=10}",
          "## Memory over 300 embeddings through Solr"
        }) {
      assertTrue(heading + " in\n" + md, md.contains(heading + "\n"));
    }
    assertTrue(md, md.contains("| query vectors | queries | p50 ms | p99 ms | mean ms | max ms |"));
    String printed = stdout.toString(StandardCharsets.UTF_8);
    assertTrue(printed, printed.startsWith(md));
    assertTrue(printed, printed.contains("wrote " + out.resolve("bench.json")));
  }

  @Test
  public void benchAndTheSciFactDataSetAreFoundByTheCommandLine() {
    boolean bench = false;
    for (Command command : ServiceLoader.load(Command.class)) {
      bench |= command instanceof BenchCommand && command.name().equals("bench");
    }
    assertTrue("META-INF/services/io.solrecho.cli.Command lists BenchCommand", bench);
    boolean scifact = false;
    for (EvalDataset dataset : ServiceLoader.load(EvalDataset.class)) {
      scifact |= dataset instanceof SciFactDataset && dataset.key().equals("scifact");
    }
    assertTrue("META-INF/services/io.solrecho.eval.EvalDataset lists SciFactDataset", scifact);
  }

  @Test
  public void quickIsAFlagOfTheUsageAndCountsAreOptions() {
    String usage = new BenchCommand().usage();
    for (String option : new String[] {"[--quick]", "[--model DIR]", "[--memory N]", "--out DIR"}) {
      assertTrue(usage, usage.contains(option));
    }
  }

  @Test
  public void withoutOutItSaysWhatIsMissing() {
    try {
      BenchOptions.read(name -> null);
      throw new AssertionError("expected an IllegalArgumentException");
    } catch (IllegalArgumentException e) {
      assertEquals(
          "missing required option --out (the folder for bench.json and bench.md)", e.getMessage());
    }
  }
}
