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

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.solrecho.ProjectFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * End to end on the project's tiny GPT-2 (fixtures/tiny-gpt2: 16 dimensions, 256 positions) and the
 * sample data sets ({@link EvalSamples}).
 */
public class EvalCommandTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void evaluatesATinyModelAndWritesTheReport() throws Exception {
    Path model = ProjectFixtures.tinyModel();
    Path out = tmp.getRoot().toPath().resolve("report");
    Map<String, String> options = new HashMap<>();
    options.put("model", model.toString());
    options.put("out", out.toString());
    options.put("data", EvalSamples.data().toString());
    options.put("limit", "20");
    options.put("datasets", "stsb,sick,toy");
    options.put("setups", "echo-mean,classical-mean");
    options.put("max-tokens", "60");
    options.put("device", "cpu");
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    int code =
        new EvalCommand().run(options::get, new PrintStream(stdout, true, StandardCharsets.UTF_8));

    assertEquals(0, code);
    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md, md.contains("| setup | STS-B | SICK-R | avg |"));
    assertTrue(
        md, Pattern.compile("\\| echo-mean \\| (\\*\\*)?-?\\d+\\.\\d\\d").matcher(md).find());
    assertTrue(md, md.contains("| STS-B | 12 | stsbenchmark/sts-test.csv |"));
    assertTrue(md, md.contains("| SICK-R | 7 | sick/SICK.txt, SemEval_set TEST (as SentEval) |"));
    assertTrue(md, md.contains("| data | " + EvalSamples.data().toAbsolutePath() + " (--data) |"));
    assertTrue(md, md.contains("| setup | S1 % | S2 % | all % |"));
    assertTrue(md, md.contains("| embed classical-mean |"));
    JsonObject json =
        JsonParser.parseString(Files.readString(out.resolve("results.json"))).getAsJsonObject();
    JsonObject sts =
        json.getAsJsonObject("sections").getAsJsonObject("sts").getAsJsonObject("scores");
    for (String setup : new String[] {"echo-mean", "classical-mean"}) {
      double stsb = sts.getAsJsonObject(setup).get("stsb").getAsDouble();
      assertTrue(setup + ": " + stsb, stsb >= -100 && stsb <= 100);
      JsonObject toy =
          json.getAsJsonObject("sections")
              .getAsJsonObject("toy")
              .getAsJsonObject("scores")
              .getAsJsonObject(setup);
      assertEquals(20, toy.get("s1_total").getAsInt());
      assertEquals(20, toy.get("s2_total").getAsInt());
    }
    for (String png : new String[] {"sts-average.png", "sts-datasets.png", "toy-study.png"}) {
      assertTrue(png, ImageIO.read(out.resolve(png).toFile()).getWidth() > 0);
    }
    String printed = stdout.toString(StandardCharsets.UTF_8);
    assertTrue(printed, printed.contains("wrote " + out.resolve("report.md")));
    Matcher truncated = Pattern.compile("truncated=(\\d+)").matcher(md);
    assertTrue(md, truncated.find());
  }
}
