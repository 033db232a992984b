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

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.solrecho.ProjectFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code bin/solr-echo demo --no-serve} end to end on the tiny GPT-2: a real Solr, the sample
 * collection, its queries.
 */
public class DemoCommandTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ProjectLayout layout = ProjectLayout.locate();

  private DemoCommand command(Map<String, String> environment) {
    return new DemoCommand(layout, environment, new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private int runOnToyModel(int nodes) throws Exception {
    return runOn(ProjectFixtures.tinyModel(), nodes);
  }

  /**
   * The sample collection on {@code nodes} SolrCloud nodes (0: standalone), any port, no serving.
   */
  private DemoOptions sampleOptions(Path model, int nodes) {
    return new DemoOptions(
        model, nodes, 0, false, layout.sampleDocuments(), layout.sampleQueries());
  }

  private int runOn(Path model, int nodes) throws Exception {
    return command(Map.of())
        .run(sampleOptions(model, nodes), new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  /** Every query of the sample collection printed with SHOWN ranked results, ranks 1..SHOWN. */
  private void assertEveryQueryIsAnsweredWithRankedResults() throws Exception {
    String text = stdout();
    List<SampleCollection.Query> queries = SampleCollection.readQueries(layout.sampleQueries());
    for (SampleCollection.Query query : queries) {
      int at = text.indexOf("\n" + query.id() + "  " + query.text() + "\n");
      assertTrue("query " + query.id() + " printed:\n" + text, at >= 0);
      String[] lines = text.substring(at + 1).split("\n");
      assertTrue(lines[1].contains("expected: " + String.join(", ", query.relevant())));
      for (int rank = 1; rank <= ExampleQueries.SHOWN; rank++) {
        assertTrue(
            "rank " + rank + " of " + query.id() + ": " + lines[1 + rank],
            lines[1 + rank].matches("\\s+" + rank + "\\s+[01]\\.\\d{4}\\s+doc-\\d{3}\\s+.*"));
      }
    }
    Matcher summary =
        Pattern.compile("hit@1: (\\d+)/(\\d+) queries .*hit@3: (\\d+)/(\\d+) queries")
            .matcher(text);
    assertTrue(text, summary.find());
    assertEquals(queries.size(), Integer.parseInt(summary.group(2)));
    assertEquals(queries.size(), Integer.parseInt(summary.group(4)));
  }

  @Test
  public void standaloneDemoEmbedsEverySampleDocumentAndRanksEveryExampleQuery() throws Exception {
    assertEquals(err.toString(StandardCharsets.UTF_8), 0, runOnToyModel(0));
    int documents = SampleCollection.readDocuments(layout.sampleDocuments()).size();
    assertTrue(stdout(), stdout().contains("indexed " + documents + " documents in "));
    assertTrue(
        stdout(), stdout().contains("; " + documents + " of them have a 16-dimensional vector"));
    assertTrue(
        stdout(), stdout().contains("model: " + ProjectFixtures.tinyModel() + " (16 dimensions"));
    assertEveryQueryIsAnsweredWithRankedResults();
    assertTrue(
        "progress bar on stderr",
        err.toString(StandardCharsets.UTF_8)
            .contains("100% [########################] " + documents + "/" + documents + " docs"));
    assertFalse("no serving with --no-serve", stdout().contains("Press Ctrl-C"));
  }

  @Test
  public void aModelOfAnotherDimensionRunsWithTheShippedConfigSetAsItIs() throws Exception {
    Path wider = ProjectFixtures.referenceModel("llama3_rope_tied");
    assertEquals(err.toString(StandardCharsets.UTF_8), 0, runOn(wider, 0));
    int documents = SampleCollection.readDocuments(layout.sampleDocuments()).size();
    assertTrue(
        stdout(),
        stdout()
            .contains(
                "model: "
                    + wider
                    + " (32 dimensions), with the settings of solr-config/conf/echo-models.json:"
                    + " 'toy' (mode echo, maxTokens 100, device cpu, dtype float32)"));
    assertTrue(
        stdout(), stdout().contains("; " + documents + " of them have a 32-dimensional vector"));
    assertEveryQueryIsAnsweredWithRankedResults();
  }

  @Test
  public void solrCloudDemoWithTwoNodesEmbedsEverySampleDocumentAndRanksEveryExampleQuery()
      throws Exception {
    assertEquals(err.toString(StandardCharsets.UTF_8), 0, runOnToyModel(2));
    int documents = SampleCollection.readDocuments(layout.sampleDocuments()).size();
    assertTrue(
        stdout(),
        Pattern.compile(
                "solr: http://127\\.0\\.0\\.1:\\d+/solr http://127\\.0\\.0\\.1:\\d+/solr,"
                    + " collection 'echo' \\(2 shards x 1 replica\\)")
            .matcher(stdout())
            .find());
    assertTrue(
        stdout(), stdout().contains("; " + documents + " of them have a 16-dimensional vector"));
    assertEveryQueryIsAnsweredWithRankedResults();
  }

  @Test
  public void withoutAModelAndOfflineItFailsFastSayingHowToPassAModelFolder() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path models = temp.newFolder("models").toPath();
    DemoCommand offline =
        new DemoCommand(
            layout.withModels(models),
            Map.of("HF_ENDPOINT", "http://127.0.0.1:" + closedPort),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    long start = System.nanoTime();
    int code =
        offline.run(sampleOptions(null, 0), new PrintStream(out, true, StandardCharsets.UTF_8));
    double seconds = (System.nanoTime() - start) / 1e9;
    String message = err.toString(StandardCharsets.UTF_8);
    assertEquals(message, 1, code);
    assertTrue(
        message,
        message.contains(
            "the demo's default model HuggingFaceTB/SmolLM2-135M-Instruct is not in "
                + models.resolve("SmolLM2-135M-Instruct")));
    assertTrue(message, message.contains("http://127.0.0.1:" + closedPort));
    assertTrue(
        message,
        message.contains(
            "To run the demo without network, pass a model folder: bin/solr-echo demo --model DIR"));
    assertTrue("fails fast, took " + seconds + " s", seconds < 10);
    assertFalse("no Solr started: " + message, message.contains("starting Solr"));
    assertEquals("nothing on stdout", "", stdout());
    assertFalse(
        "no weights were written",
        Files.exists(models.resolve("SmolLM2-135M-Instruct/model.safetensors")));
  }

  @Test
  public void isACommandOfTheCommandLineWhoseHelpNamesEveryOption() {
    CommandRun list = CommandRun.of("--help");
    assertEquals(list.stderr(), 0, list.status());
    assertTrue(list.stdout(), list.stdout().contains("\n  demo           Start a local Solr"));
    CommandRun help = CommandRun.of("demo", "--help");
    assertEquals(help.stderr(), 0, help.status());
    assertEquals("", help.stderr());
    for (String option :
        new String[] {
          "--model=DIR", "--solrcloud=N", "--port=P", "--no-serve", "--docs=FILE", "--queries=FILE"
        }) {
      assertTrue(help.stdout(), help.stdout().contains("[" + option));
    }
  }

  @Test
  public void wrongValuesAreUsageErrorsNamingTheOption() {
    Map<String, String[]> wrong =
        Map.of(
            "Invalid value for option '--port': expected a port from 0 to 65535, got '70000'",
            new String[] {"demo", "--port", "70000"},
            "Invalid value for option '--solrcloud': expected a whole number of at least 1, got 0",
            new String[] {"demo", "--solrcloud", "0"});
    wrong.forEach(
        (message, args) -> {
          CommandRun run = CommandRun.of(args);
          assertEquals(run.stderr(), 2, run.status());
          assertTrue(run.stderr(), run.stderr().startsWith("solr-echo demo: " + message + "\n"));
          assertTrue(run.stderr(), run.stderr().contains("Usage: bin/solr-echo demo "));
          assertEquals("", run.stdout());
        });
  }

  @Test
  public void aDocumentsFileThatIsMissingIsAUsageError() {
    Path missing = temp.getRoot().toPath().resolve("no-docs.jsonl");
    CommandRun run =
        CommandRun.of(
            "demo",
            "--model",
            ProjectFixtures.tinyModel().toString(),
            "--no-serve",
            "--docs",
            missing.toString());
    assertEquals(run.stderr(), 2, run.status());
    assertTrue(run.stderr(), run.stderr().startsWith("solr-echo demo: no such file: " + missing));
    assertFalse(run.stderr(), run.stderr().contains("starting Solr"));
  }
}
