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
package io.solrecho.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.solrecho.ProjectFixtures;
import io.solrecho.SentenceTransformersReference;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The documented bin/solr-echo commands, run through {@link Main#run} as the launcher does. */
public class CommandLineTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  public void hiddenStatesReproducesTheReferenceFile() throws Exception {
    Path model = ProjectFixtures.referenceModel("gpt_neox");
    assertEquals(
        err.toString(StandardCharsets.UTF_8),
        0,
        run(
            "hidden-states",
            "--model",
            model.toString(),
            "--input",
            model.resolve("reference.json").toString()));
    JsonArray ours = JsonParser.parseString(stdout()).getAsJsonObject().getAsJsonArray("cases");
    JsonArray reference =
        JsonParser.parseString(Files.readString(model.resolve("reference.json")))
            .getAsJsonObject()
            .getAsJsonArray("cases");
    assertEquals(reference.size(), ours.size());
    double worst = 0;
    for (int c = 0; c < ours.size(); c++) {
      JsonObject expectedCase = reference.get(c).getAsJsonObject();
      JsonObject actualCase = ours.get(c).getAsJsonObject();
      assertEquals(expectedCase.get("name"), actualCase.get("name"));
      JsonArray expected = expectedCase.getAsJsonArray("last_hidden_state");
      JsonArray actual = actualCase.getAsJsonArray("last_hidden_state");
      assertEquals(expected.size(), actual.size());
      for (int b = 0; b < expected.size(); b++) {
        assertEquals(
            "real positions of row " + b,
            expected.get(b).getAsJsonArray().size(),
            actual.get(b).getAsJsonArray().size());
        for (int t = 0; t < expected.get(b).getAsJsonArray().size(); t++) {
          JsonArray e = expected.get(b).getAsJsonArray().get(t).getAsJsonArray();
          JsonArray a = actual.get(b).getAsJsonArray().get(t).getAsJsonArray();
          for (int h = 0; h < e.size(); h++) {
            worst = Math.max(worst, Math.abs(e.get(h).getAsDouble() - a.get(h).getAsDouble()));
          }
        }
      }
    }
    assertTrue("max abs error " + worst, worst <= 1e-4);
  }

  @Test
  public void embedWritesOneResultLinePerInputLine() throws Exception {
    Path input = temp.newFile("texts.jsonl").toPath();
    Files.writeString(
        input,
        "{\"id\":\"a\",\"text\":\"The cat sat on the mat.\"}\n{\"id\":\"b\",\"text\":\"  \"}\n"
            + "{\"id\":\"c\",\"text\":\"Dogs bark.\"}\n",
        StandardCharsets.UTF_8);
    int code =
        run(
            "embed",
            "--model",
            ProjectFixtures.tinyModel().toString(),
            "--input",
            input.toString(),
            "--max-tokens",
            "40",
            "--mode",
            "echo",
            "--spans",
            "offsets");
    String[] lines = stdout().trim().split("\n");
    assertEquals("one line failed", 1, code);
    assertEquals(3, lines.length);
    JsonObject first = JsonParser.parseString(lines[0]).getAsJsonObject();
    assertEquals("a", first.get("id").getAsString());
    assertEquals(16, first.getAsJsonArray("vector").size());
    JsonArray range = first.getAsJsonArray("pooled_range");
    assertTrue(range.get(0).getAsInt() < range.get(1).getAsInt());
    assertTrue(range.get(1).getAsInt() <= first.getAsJsonArray("ids").size());
    JsonObject second = JsonParser.parseString(lines[1]).getAsJsonObject();
    assertEquals(2, second.get("line").getAsInt());
    assertTrue(second.get("error").getAsString().contains("nothing to embed"));
    assertEquals("c", JsonParser.parseString(lines[2]).getAsJsonObject().get("id").getAsString());
  }

  /**
   * {@code embed --model DIR --role query|document} on sentence-transformers folders prints the
   * vectors of sentence-transformers itself (mode auto), for the role's prompt and a named one.
   */
  @Test
  public void embedOfASentenceTransformersFolderPrintsItsVectors() throws Exception {
    assertEmbedsAsSentenceTransformers("qwen3_lasttoken_eos", "query_left_padded");
    assertEmbedsAsSentenceTransformers("mistral_lasttoken_bos", "document_right_padded");
    assertEmbedsAsSentenceTransformers(
        "mistral_mean_instructions", "named_summary_left_padded", "--prompt-name", "summary");
  }

  private void assertEmbedsAsSentenceTransformers(String fixture, String caseName, String... more)
      throws Exception {
    SentenceTransformersReference reference = SentenceTransformersReference.of(fixture);
    SentenceTransformersReference.Case expected =
        reference.cases().stream().filter(c -> c.name().equals(caseName)).findFirst().orElseThrow();
    Path input = temp.newFile(fixture + ".jsonl").toPath();
    StringBuilder lines = new StringBuilder();
    for (String text : reference.texts()) {
      JsonObject line = new JsonObject();
      line.addProperty("text", text);
      lines.append(line).append('\n');
    }
    Files.writeString(input, lines, StandardCharsets.UTF_8);
    List<String> args =
        new ArrayList<>(
            List.of(
                "embed",
                "--model",
                reference.folder().toString(),
                "--input",
                input.toString(),
                "--role",
                expected.role().name().toLowerCase(Locale.ROOT)));
    args.addAll(List.of(more));
    out.reset();
    assertEquals(err.toString(StandardCharsets.UTF_8), 0, run(args.toArray(new String[0])));
    String[] results = stdout().trim().split("\n");
    assertEquals(reference.texts().size(), results.length);
    double worst = 0;
    for (int i = 0; i < results.length; i++) {
      JsonObject result = JsonParser.parseString(results[i]).getAsJsonObject();
      JsonArray ids = result.getAsJsonArray("ids");
      assertEquals(fixture + " text " + i, expected.inputIds()[i].length, ids.size());
      for (int t = 0; t < ids.size(); t++) {
        assertEquals(expected.inputIds()[i][t], ids.get(t).getAsInt());
      }
      JsonArray vector = result.getAsJsonArray("vector");
      for (int h = 0; h < vector.size(); h++) {
        worst =
            Math.max(worst, Math.abs(expected.embeddings()[i][h] - vector.get(h).getAsDouble()));
      }
    }
    assertTrue(fixture + " " + caseName + ": max abs " + worst, worst <= 1e-5);
  }

  @Test
  public void embedReadsPlainLines() throws Exception {
    Path input = temp.newFile("texts.txt").toPath();
    Files.writeString(input, "first text\nsecond text\n", StandardCharsets.UTF_8);
    assertEquals(
        0,
        run(
            "embed",
            "--model",
            ProjectFixtures.tinyModel().toString(),
            "--input",
            input.toString(),
            "--mode",
            "classical",
            "--pooling",
            "last",
            "--normalize",
            "false"));
    assertEquals(2, stdout().trim().split("\n").length);
  }

  @Test
  public void benchLmReportsThroughputAndTheMatmulRatio() {
    assertEquals(
        err.toString(StandardCharsets.UTF_8),
        0,
        run(
            "bench-lm",
            "--model",
            ProjectFixtures.referenceModel("llama").toString(),
            "--seconds",
            "0.2",
            "--shapes",
            "2x16"));
    JsonObject report = JsonParser.parseString(stdout()).getAsJsonObject();
    assertTrue(report.get("matmul_gflops").getAsDouble() > 0);
    JsonObject run = report.getAsJsonArray("runs").get(0).getAsJsonObject();
    assertEquals(2, run.get("batch").getAsInt());
    assertTrue(run.get("tokens_per_s").getAsDouble() > 0);
    assertTrue(run.has("ratio_to_matmul"));
  }

  @Test
  public void aMisspeltOptionIsReportedWithASuggestionEvenWhenARequiredOneIsMissing() {
    assertEquals(ExitStatus.USAGE, run("embed", "--modle", "x"));
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message, message.startsWith("solr-echo embed: Unknown options: '--modle', 'x'"));
    assertTrue(message, message.contains("--model"));
    assertTrue(message, message.contains("Usage: bin/solr-echo embed "));
    assertEquals("", stdout());
  }

  @Test
  public void badParameterValuesNameTheParameter() {
    assertEquals(
        ExitStatus.USAGE,
        run("embed", "--model", ProjectFixtures.tinyModel().toString(), "--mode", "twice"));
    assertTrue(
        err.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8)
            .contains(
                "solr-echo embed: mode: expected one of auto, echo, classical, prompteol,"
                    + " sentence_transformers, got 'twice'"));
  }

  @Test
  public void aTemplateTheEngineRefusesIsAUsageErrorNamingIt() {
    assertEquals(
        ExitStatus.USAGE,
        run(
            "embed",
            "--model",
            ProjectFixtures.tinyModel().toString(),
            "--template",
            "no text here"));
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message, message.startsWith("solr-echo embed: template: "));
    assertTrue(message, message.contains("'bin/solr-echo embed --help'"));
  }
}
