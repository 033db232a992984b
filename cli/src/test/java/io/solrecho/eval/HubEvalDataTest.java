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

import io.solrecho.download.FakeHub;
import io.solrecho.download.HubDownloader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The data sets from the hub, end to end against a local stand-in for it ({@link FakeHub}) that
 * serves the samples in the hub's formats: downloaded once into the cache, checked, read; offline,
 * a message that says how to use a local folder.
 */
public class HubEvalDataTest {
  private static final String ALL_STS = "stsb,sick,sts12,sts13,sts14,sts15,sts16";
  private static final BeirSource BEIR =
      new BeirSource(
          "SciFact sample",
          "scifact-beir",
          new HubDataFile(
              "acme/beir-sample", "0123456789abcdef0123456789abcdef01234567", "corpus.jsonl.gz"),
          new HubDataFile(
              "acme/beir-sample", "0123456789abcdef0123456789abcdef01234567", "queries.jsonl.gz"),
          new HubDataFile(
              "acme/beir-sample-qrels", "fedcba9876543210fedcba9876543210fedcba98", "test.tsv"));

  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private FakeHub hub;
  private Path cache;
  private final Map<String, String> options = new HashMap<>();

  @Before
  public void serveTheSamples() throws IOException {
    hub = new FakeHub();
    for (StsDataset dataset : StsDataset.values()) {
      HubDataFile file = dataset.hub();
      hub.datasetLfsFile(file.repo(), file.path(), EvalSamples.gzip(sample(dataset)))
          .revision(file.revision());
    }
    Path beir = EvalSamples.data().resolve("scifact-beir");
    hub.datasetLfsFile(
            "acme/beir-sample", "corpus.jsonl.gz", EvalSamples.gzip(beir.resolve("corpus.jsonl")))
        .datasetLfsFile(
            "acme/beir-sample", "queries.jsonl.gz", EvalSamples.gzip(beir.resolve("queries.jsonl")))
        .datasetFile(
            "acme/beir-sample-qrels",
            "test.tsv",
            Files.readString(beir.resolve("qrels/test.tsv"))
                .replace("\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8))
        .revision(BEIR.corpus().revision())
        .revision(BEIR.qrels().revision());
    cache = tmp.getRoot().toPath().resolve("cache");
    Path model = tmp.newFolder("model").toPath();
    Files.writeString(model.resolve("config.json"), "{}");
    options.put("model", model.toString());
    options.put("out", tmp.getRoot().toPath().resolve("out").toString());
    options.put("cache", cache.toString());
    options.put("datasets", ALL_STS);
  }

  @After
  public void stopHub() {
    hub.close();
  }

  private static Path sample(StsDataset dataset) {
    return EvalSamples.hub(dataset.hub().repo().substring("mteb/".length()));
  }

  private EvalConfig read() throws IOException {
    return EvalConfig.read(options::get, Map.of("HF_ENDPOINT", hub.endpoint()));
  }

  private EvalData data() {
    return EvalData.hub(HubDownloader.builder().endpoint(hub.endpoint()).build(), cache);
  }

  @Test
  public void everyStsSetIsDownloadedAtItsPinnedRevisionAndReadInMtebsFormat() throws IOException {
    EvalConfig config = read();

    for (StsDataset dataset : StsDataset.values()) {
      StsSource source = config.stsDatasets.get(dataset);
      HubDataFile file = dataset.hub();
      assertEquals(
          new StsJsonlReader(sample(dataset), dataset.minScore(), dataset.maxScore()).read(),
          source.read());
      assertEquals(file.describe() + " (as MTEB)", source.origin());
      assertTrue(
          Files.isRegularFile(
              cache
                  .resolve(file.repo().replace("/", "--"))
                  .resolve(file.revision())
                  .resolve(file.path())));
    }
    assertEquals(
        StsDataset.values().length,
        hub.requests().stream()
            .map(FakeHub.Request::rawPath)
            .filter(path -> path.startsWith("/datasets/mteb/") && path.endsWith("/test.jsonl.gz"))
            .distinct()
            .count());
    assertTrue(
        config.data.description(),
        config.data.description().contains("cached in " + cache.toAbsolutePath().normalize()));
  }

  @Test
  public void aSecondRunReadsTheCacheWithoutAnyRequest() throws IOException {
    read();
    hub.clearRequests();

    EvalConfig again = read();

    assertEquals(List.of(), hub.requests());
    assertEquals(
        new StsJsonlReader(sample(StsDataset.SICK), 1, 5).read(),
        again.stsDatasets.get(StsDataset.SICK).read());
  }

  @Test
  public void aFileWhoseSha256IsNotTheHubsIsRefusedAndNotCached() throws IOException {
    HubDataFile sts12 = StsDataset.STS12.hub();
    String announced = FakeHub.sha256("another file".getBytes(StandardCharsets.UTF_8));
    hub.announceDatasetChecksum(sts12.repo(), sts12.path(), announced);

    DataUnavailableException e = assertThrows(DataUnavailableException.class, this::read);

    assertTrue(
        e.getMessage(),
        e.getMessage().startsWith("STS12: could not download " + sts12.describe() + ": "));
    assertTrue(e.getMessage(), e.getMessage().contains("but the hub announced " + announced));
    assertFalse(
        Files.exists(
            cache.resolve("mteb--sts12-sts").resolve(sts12.revision()).resolve(sts12.path())));
  }

  @Test
  public void aDataSetTheHubLacksIsNamed() {
    HubDataFile missing =
        new HubDataFile("acme/no-such-beir", BEIR.corpus().revision(), "corpus.jsonl.gz");
    BeirSource source =
        new BeirSource("SciFact sample", "scifact-beir", missing, BEIR.queries(), BEIR.qrels());

    DataUnavailableException e =
        assertThrows(DataUnavailableException.class, () -> data().beir(source));

    assertTrue(
        e.getMessage(),
        e.getMessage()
            .startsWith("SciFact sample: could not download " + missing.describe() + ": "));
    assertTrue(
        e.getMessage(), e.getMessage().contains("repository acme/no-such-beir was not found"));
  }

  @Test
  public void offlineTheCommandSaysHowToReadALocalFolder() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int code =
        new EvalCommand(
                Map.of("HF_ENDPOINT", "http://127.0.0.1:" + closedPort),
                new PrintStream(err, true, StandardCharsets.UTF_8))
            .run(options::get, new PrintStream(out, true, StandardCharsets.UTF_8));

    assertEquals(1, code);
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(
        message,
        message.startsWith(
            "solr-echo eval: STS-B: the Hugging Face hub at http://127.0.0.1:"
                + closedPort
                + " cannot be reached to download "
                + StsDataset.STSB.hub().describe()));
    assertTrue(message, message.contains("bin/solr-echo eval --data DIR"));
    assertTrue(message, message.contains("--cache DIR"));
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  public void aBeirSetComesFromItsTwoRepositories() throws IOException {
    BeirReader hubReader = data().beir(BEIR);
    BeirReader local = EvalData.local(EvalSamples.data()).beir(BEIR);

    assertEquals(local.readCorpus(), hubReader.readCorpus());
    assertEquals(local.readQueries(), hubReader.readQueries());
    assertEquals(
        local.readQueries(local.readQrels("test")),
        hubReader.readQueries(hubReader.readQrels("test")));
    assertEquals(
        List.of(
            "/datasets/acme/beir-sample/resolve/" + BEIR.corpus().revision() + "/corpus.jsonl.gz",
            "/datasets/acme/beir-sample/resolve/" + BEIR.corpus().revision() + "/queries.jsonl.gz",
            "/datasets/acme/beir-sample-qrels/resolve/" + BEIR.qrels().revision() + "/test.tsv"),
        hub.requests().stream().map(FakeHub.Request::rawPath).collect(Collectors.toList()));
  }
}
