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
package io.solrecho.eval;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ReportWriterTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private static StsSection sts() {
    Map<StsDataset, StsSection.Column> pairs = new LinkedHashMap<>();
    pairs.put(StsDataset.STSB, new StsSection.Column(1379, "stsbenchmark/sts-test.csv"));
    pairs.put(
        StsDataset.SICK, new StsSection.Column(4927, "mteb/sickr-sts test.jsonl.gz @ 20a6d6f"));
    Map<String, Map<StsDataset, StsSection.Score>> scores = new LinkedHashMap<>();
    scores.put(
        "echo-mean",
        Map.of(
            StsDataset.STSB,
            StsSection.Score.of(71.25),
            StsDataset.SICK,
            StsSection.Score.of(68.5)));
    scores.put(
        "classical-mean",
        Map.of(
            StsDataset.STSB,
            StsSection.Score.of(55.0),
            StsDataset.SICK,
            StsSection.Score.failed("the similarities are all equal")));
    return new StsSection(pairs, scores);
  }

  private static ToyStudySection toy() {
    Map<String, ToyStudy.Score> scores = new LinkedHashMap<>();
    scores.put("echo-mean", new ToyStudy.Score(18, 20, 17, 20));
    scores.put("classical-mean", new ToyStudy.Score(16, 20, 9, 20));
    return new ToyStudySection(scores);
  }

  /** What another engineer's retrieval part would add: any section with its own table and chart. */
  private static ReportSection retrieval() {
    return new ReportSection() {
      @Override
      public String key() {
        return "retrieval";
      }

      @Override
      public String title() {
        return "Retrieval (SciFact)";
      }

      @Override
      public String markdown() {
        return new MarkdownTable("method", "nDCG@10").row("bm25", "66.50").toString();
      }

      @Override
      public JsonElement json() {
        JsonObject o = new JsonObject();
        o.addProperty("bm25_ndcg10", 0.665);
        return o;
      }

      @Override
      public List<BarChart> charts() {
        return List.of(
            new BarChart(
                "retrieval-ndcg.png",
                "nDCG@10",
                "nDCG@10 x100",
                List.of("bm25"),
                Map.of("nDCG@10", List.of(66.5))));
      }
    };
  }

  private static EvalReport report() {
    Map<String, String> info = new LinkedHashMap<>();
    info.put("model", "/models/x");
    info.put("device / dtype", "cpu() / float32");
    return new EvalReport(
        "solr-echo evaluation: x",
        info,
        List.of(sts(), toy(), retrieval()),
        List.of(
            new Timing("embed echo-mean", 12.5, Map.of("texts", 100L)),
            Timing.of("load model", 1.0)));
  }

  @Test
  public void writesMarkdownJsonAndOnePngPerChart() throws IOException {
    Path folder = tmp.getRoot().toPath().resolve("report");
    List<Path> written = ReportWriter.write(report(), folder);
    assertEquals(
        List.of(
            "report.md",
            "results.json",
            "sts-average.png",
            "sts-datasets.png",
            "toy-study.png",
            "retrieval-ndcg.png"),
        written.stream().map(p -> p.getFileName().toString()).toList());
    for (Path file : written) {
      assertTrue(file + " is empty", Files.size(file) > 0);
    }
  }

  @Test
  public void chartsAreValidPngImages() throws IOException {
    Path folder = tmp.getRoot().toPath();
    ReportWriter.write(report(), folder);
    for (String name :
        List.of("sts-average.png", "sts-datasets.png", "toy-study.png", "retrieval-ndcg.png")) {
      Path file = folder.resolve(name);
      assertArrayEquals(name, PNG_SIGNATURE, Arrays.copyOf(Files.readAllBytes(file), 8));
      BufferedImage image = ImageIO.read(file.toFile());
      assertNotNull(name + " does not decode", image);
      assertTrue(name, image.getWidth() >= 640 && image.getHeight() >= 400);
      assertTrue(name + " is blank", colours(image) > 2);
    }
  }

  @Test
  public void markdownHasTheTablesAndLinksTheCharts() throws IOException {
    Path folder = tmp.getRoot().toPath();
    ReportWriter.write(report(), folder);
    String md = Files.readString(folder.resolve(ReportWriter.MARKDOWN));
    assertTrue(md, md.startsWith("# solr-echo evaluation: x\n"));
    assertTrue(md, md.contains("| device / dtype | cpu() / float32 |"));
    assertTrue(md, md.contains("| setup | STS-B | SICK-R | avg |\n|---|---:|---:|---:|\n"));
    assertTrue(md, md.contains("| echo-mean | **71.25** | **68.50** | **69.88** |"));
    assertTrue(md, md.contains("| classical-mean | 55.00 | n/a | n/a |"));
    assertTrue(md, md.contains("- classical-mean on SICK-R: the similarities are all equal"));
    assertTrue(md, md.contains("| setup | S1 % | S2 % | all % |"));
    assertTrue(md, md.contains("| echo-mean | 90.0 | 85.0 | 87.5 |"));
    assertTrue(md, md.contains("## Retrieval (SciFact)\n\n| method | nDCG@10 |"));
    assertTrue(md, md.contains("![nDCG@10](retrieval-ndcg.png)"));
    assertTrue(md, md.contains("![STS average over 2 datasets](sts-average.png)"));
    assertTrue(md, md.contains("| embed echo-mean | 12.5 | texts=100 |"));
    assertTrue(md, md.contains("| **total** | 13.5 |  |"));
  }

  @Test
  public void jsonHasTheRawNumbersWithNullForMissingScores() throws IOException {
    Path folder = tmp.getRoot().toPath();
    ReportWriter.write(report(), folder);
    JsonObject json =
        JsonParser.parseString(Files.readString(folder.resolve(ReportWriter.JSON)))
            .getAsJsonObject();
    assertEquals("cpu() / float32", json.getAsJsonObject("info").get("device_dtype").getAsString());
    JsonObject sts = json.getAsJsonObject("sections").getAsJsonObject("sts");
    assertEquals(
        71.25,
        sts.getAsJsonObject("scores").getAsJsonObject("echo-mean").get("stsb").getAsDouble(),
        0);
    assertEquals(
        69.875,
        sts.getAsJsonObject("scores").getAsJsonObject("echo-mean").get("average").getAsDouble(),
        0);
    assertTrue(
        sts.getAsJsonObject("scores").getAsJsonObject("classical-mean").get("sick").isJsonNull());
    assertEquals(4927, sts.getAsJsonObject("pairs").get("sick").getAsInt());
    assertEquals(
        "stsbenchmark/sts-test.csv", sts.getAsJsonObject("sources").get("stsb").getAsString());
    JsonObject toy =
        json.getAsJsonObject("sections").getAsJsonObject("toy").getAsJsonObject("scores");
    assertEquals(45.0, toy.getAsJsonObject("classical-mean").get("s2_percent").getAsDouble(), 0);
    assertEquals(
        0.665,
        json.getAsJsonObject("sections")
            .getAsJsonObject("retrieval")
            .get("bm25_ndcg10")
            .getAsDouble(),
        0);
    assertEquals(
        new JsonPrimitive(12.5),
        json.getAsJsonArray("timings").get(0).getAsJsonObject().get("seconds"));
    assertEquals(4, json.getAsJsonArray("charts").size());
  }

  @Test
  public void sectionsMustHaveDistinctKeys() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new EvalReport("t", Map.of(), List.of(toy(), toy()), List.of()));
    assertEquals("two sections share the key 'toy'", e.getMessage());
  }

  private static int colours(BufferedImage image) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        seen.add(image.getRGB(x, y));
      }
    }
    return seen.size();
  }
}
