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
import io.solrecho.eval.EvalCommand;
import io.solrecho.eval.EvalData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code bin/solr-echo eval --datasets scifact} end to end on the tiny GPT-2 (16 dimensions, 256
 * positions): real Solr nodes, the first test queries of a sample in SciFact's layout
 * (src/test/resources/io/solrecho/harness, written for this project) and a small corpus.
 */
public class SciFactEvalTest {
  private static final String[] SYSTEMS = {"bm25", "echo", "classical", "hybrid"};

  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  /** The sample {@code --data} folder, holding scifact-beir/. */
  private static Path data() throws URISyntaxException {
    return Paths.get(SciFactEvalTest.class.getResource("data").toURI());
  }

  @Test
  public void ranksSciFactThroughSolrWithFourSystemsAndReportsTheirScores() throws Exception {
    Path model = ProjectFixtures.tinyModel();
    Path out = tmp.getRoot().toPath().resolve("report");
    Map<String, String> options = new HashMap<>();
    options.put("model", model.toString());
    options.put("out", out.toString());
    options.put("data", data().toString());
    options.put("datasets", "scifact");
    options.put("limit", "4");
    options.put("scifact-docs", "6");
    options.put("max-tokens", "60");
    options.put("device", "cpu");
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    assertEquals(
        0,
        new EvalCommand().run(options::get, new PrintStream(stdout, true, StandardCharsets.UTF_8)));

    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md, md.contains("## Retrieval through Solr: SciFact (BEIR, test split)"));
    assertTrue(md, md.contains("| system | nDCG@10 | Recall@100 | how |"));
    for (String system : SYSTEMS) {
      assertTrue(
          md,
          md.matches(
              "(?s).*\\| "
                  + system
                  + " \\| (\\*\\*)?[01]\\.\\d{4}(\\*\\*)? \\| (\\*\\*)?[01]\\.\\d{4}.*"));
    }
    assertTrue(md, md.contains("**Limited run, not comparable to published numbers**"));
    assertTrue(md, md.contains("| scifact: index echo |"));
    assertTrue(md, md.contains("| scifact: index classical |"));
    JsonObject section =
        JsonParser.parseString(Files.readString(out.resolve("results.json")))
            .getAsJsonObject()
            .getAsJsonObject("sections")
            .getAsJsonObject("scifact");
    assertEquals(4, section.get("queries_evaluated").getAsInt());
    // queries 11..14 judge one document each
    assertEquals(4, section.get("judged_documents").getAsInt());
    assertEquals(4 + 6, section.get("documents").getAsInt());
    assertTrue(section.get("limited").getAsBoolean());
    for (String system : SYSTEMS) {
      JsonObject scores = section.getAsJsonObject("scores").getAsJsonObject(system);
      for (String metric : new String[] {"ndcg_at_10", "recall_at_100"}) {
        double value = scores.get(metric).getAsDouble();
        assertTrue(system + " " + metric + " = " + value, value >= 0 && value <= 1);
      }
    }
    assertTrue(ImageIO.read(out.resolve("scifact-retrieval.png").toFile()).getWidth() > 0);
    assertTrue(
        stdout.toString(StandardCharsets.UTF_8).contains("wrote " + out.resolve("report.md")));
  }

  @Test
  public void evalNamesTheDatasetAndItsOptions() {
    String usage = new EvalCommand().usage();
    assertTrue(usage, usage.contains("stsb,sick,sts12,sts13,sts14,sts15,sts16,toy,scifact"));
    assertTrue(usage, usage.contains("--scifact-queries N"));
    assertTrue(usage, usage.contains("--scifact-docs M"));
  }

  @Test
  public void aBadOptionFailsBeforeTheDataIsLookedFor() throws Exception {
    Map<String, String> options = new HashMap<>();
    options.put("model", "unused");
    options.put("scifact-queries", "0");
    EvalData nowhere = EvalData.local(tmp.getRoot().toPath());
    try {
      new SciFactDataset().prepare(nowhere, options::get);
      throw new AssertionError("expected an IllegalArgumentException");
    } catch (IllegalArgumentException e) {
      assertEquals("--scifact-queries must be at least 1, got 0", e.getMessage());
    }
  }

  @Test
  public void missingDataNamesTheFolderAndTheOption() throws Exception {
    Map<String, String> options = new HashMap<>();
    options.put("model", tinyModel().toString());
    Path data = tmp.newFolder("data").toPath();
    try {
      new SciFactDataset().prepare(EvalData.local(data), options::get);
      throw new AssertionError("expected an IllegalArgumentException");
    } catch (IllegalArgumentException e) {
      assertTrue(
          e.getMessage(),
          e.getMessage()
              .startsWith(
                  "--data: SciFact not found at "
                      + data.resolve("scifact-beir")
                      + " (expected corpus.jsonl, queries.jsonl, qrels/test.tsv)"));
    }
  }

  @Test
  public void theHubCopiesArePinned() {
    assertEquals("BeIR/scifact", SciFactDataset.SOURCE.corpus().repo());
    assertEquals("corpus.jsonl.gz", SciFactDataset.SOURCE.corpus().path());
    assertEquals("queries.jsonl.gz", SciFactDataset.SOURCE.queries().path());
    assertEquals("BeIR/scifact-qrels", SciFactDataset.SOURCE.qrels().repo());
    assertEquals(SciFactRetrieval.SPLIT, SciFactDataset.SOURCE.split());
  }

  /** A model folder with nothing but a GPT-2 config.json: enough to declare the models. */
  private Path tinyModel() throws Exception {
    Path model = tmp.newFolder("model").toPath();
    Files.writeString(
        model.resolve("config.json"),
        "{\"model_type\": \"gpt2\", \"n_embd\": 16, \"n_positions\": 256, \"n_layer\": 1,"
            + " \"n_head\": 1, \"vocab_size\": 100}");
    return model;
  }
}
