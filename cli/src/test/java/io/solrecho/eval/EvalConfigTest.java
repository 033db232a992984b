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
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.solrecho.embed.TextRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class EvalConfigTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  private final Map<String, String> options = new HashMap<>();

  @Before
  public void modelFolderAndLocalData() throws IOException {
    Path model = tmp.newFolder("model").toPath();
    Files.writeString(model.resolve("config.json"), "{}");
    Path data = tmp.newFolder("data").toPath();
    Files.createDirectories(data.resolve("stsbenchmark"));
    Files.writeString(data.resolve("stsbenchmark/sts-test.csv"), "");
    options.put("model", model.toString());
    options.put("out", tmp.getRoot().toPath().resolve("out").toString());
    options.put("data", data.toString());
    options.put("datasets", "stsb,toy");
  }

  private EvalConfig read() throws IOException {
    return EvalConfig.read(EvalSamples.evalOptions(options), Map.of(), Map.of());
  }

  @Test
  public void defaultsAreAllSetupsAndNoLimit() throws IOException {
    EvalConfig config = read();
    assertEquals(EmbeddingSetup.DEFAULTS, List.copyOf(config.setups.keySet()));
    assertEquals(Integer.MAX_VALUE, config.limit);
    assertEquals(List.of(StsDataset.STSB), List.copyOf(config.stsDatasets.keySet()));
    assertEquals("stsbenchmark/sts-test.csv", config.stsDatasets.get(StsDataset.STSB).origin());
    assertTrue(config.toy);
  }

  @Test
  public void embeddingOptionsReachEverySetup() throws IOException {
    options.put("max-tokens", "60");
    options.put("setups", "echo-mean,prompteol-last");
    options.put("prompteol-template", "Say \"{x}\" in one word:\"");
    EvalConfig config = read();
    config.setups.values().forEach(s -> assertEquals(60, s.maxTokensPerCopy()));
    assertEquals(
        "Say \"{x}\" in one word:\"",
        config
            .setups
            .get(EmbeddingSetup.parse("prompteol-last"))
            .template(TextRole.DOCUMENT)
            .template());
  }

  @Test
  public void toyAloneNeedsNoDataAndNoNetwork() throws IOException {
    options.put("datasets", "toy");
    options.remove("data");
    // the hub at a closed port: nothing may be asked of it
    EvalConfig config =
        EvalConfig.read(
            EvalSamples.evalOptions(options),
            Map.of("HF_ENDPOINT", "http://127.0.0.1:9"),
            Map.of());
    assertTrue(config.stsDatasets.isEmpty());
    assertTrue(config.toy);
  }

  @Test
  public void missingDatasetNamesThePathAndTheOption() {
    options.put("datasets", "stsb,sick");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::read);
    assertTrue(e.getMessage(), e.getMessage().startsWith("--data: SICK-R not found at "));
  }

  @Test
  public void dataMustBeAFolder() {
    options.put("data", tmp.getRoot().toPath().resolve("nowhere").toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::read);
    assertTrue(e.getMessage(), e.getMessage().startsWith("--data: "));
    assertTrue(e.getMessage(), e.getMessage().endsWith("nowhere is not a folder"));
  }

  @Test
  public void aCacheBesideDataIsRejected() {
    options.put("cache", tmp.getRoot().toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::read);
    assertTrue(e.getMessage(), e.getMessage().startsWith("--cache: nothing is downloaded"));
  }

  @Test
  public void theCacheIsUnderTheUsersCacheFolder() {
    assertEquals(
        Paths.get("/var/cache/me/solr-echo/datasets"),
        EvalConfig.defaultCache(Map.of("XDG_CACHE_HOME", "/var/cache/me")));
    assertEquals(
        Paths.get(System.getProperty("user.home"), ".cache", "solr-echo", "datasets"),
        EvalConfig.defaultCache(Map.of()));
  }

  @Test
  public void unknownDatasetListsTheKnownOnes() {
    options.put("datasets", "stsb,mteb");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::read);
    assertEquals(
        "--datasets: unknown dataset 'mteb'; known: stsb,sick,sts12,sts13,sts14,sts15,sts16,toy",
        e.getMessage());
  }

  @Test
  public void folderWithoutConfigIsNotAModel() {
    options.put("model", tmp.getRoot().toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::read);
    assertTrue(e.getMessage(), e.getMessage().contains("is not a model folder (no config.json)"));
  }

  @Test
  public void limitBelowTwoIsRejected() {
    options.put("limit", "1");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::read);
    assertEquals("--limit: Spearman's correlation needs at least 2 pairs, got 1", e.getMessage());
  }

  @Test
  public void badTemplateFailsBeforeAnyModelIsLoaded() {
    options.put("echo-template", "no copies here");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::read);
    assertTrue(e.getMessage(), e.getMessage().startsWith("setup echo-mean: "));
    assertFalse(Files.exists(tmp.getRoot().toPath().resolve("out")));
  }
}
