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
package io.solrecho.download;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class HubDownloaderTest {
  private static final String CONFIG = "{\"model_type\":\"llama\",\"hidden_size\":8}";
  private static final String TOKENIZER = "{\"version\":\"1.0\",\"model\":{\"type\":\"BPE\"}}";
  private static final String TOKENIZER_CONFIG = "{\"bos_token\":\"<s>\"}";
  private static final byte[] WEIGHTS = FakeHub.randomBytes(300_000, 1);
  private static final byte[] SHARD_1 = FakeHub.randomBytes(120_000, 2);
  private static final byte[] SHARD_2 = FakeHub.randomBytes(90_001, 3);
  private static final String SHARD_1_NAME = "model-00001-of-00002.safetensors";
  private static final String SHARD_2_NAME = "model-00002-of-00002.safetensors";
  private static final String INDEX =
      "{\"metadata\":{\"total_size\":210001},\"weight_map\":{"
          + "\"model.embed_tokens.weight\":\""
          + SHARD_1_NAME
          + "\",\"model.norm.weight\":\""
          + SHARD_2_NAME
          + "\","
          + "\"lm_head.weight\":\""
          + SHARD_1_NAME
          + "\"}}";

  @Rule public TemporaryFolder temporary = new TemporaryFolder();

  private FakeHub hub;
  private Path target;

  @Before
  public void startHub() throws IOException {
    hub =
        new FakeHub()
            .file("config.json", CONFIG)
            .file("tokenizer.json", TOKENIZER)
            .file("tokenizer_config.json", TOKENIZER_CONFIG)
            .lfsFile("model.safetensors", WEIGHTS);
    target = temporary.getRoot().toPath().resolve("model");
  }

  @After
  public void stopHub() {
    hub.close();
  }

  private HubDownloader.Builder downloader() {
    return HubDownloader.builder()
        .endpoint(hub.endpoint())
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(2))
        .retryBackoff(Duration.ZERO);
  }

  private Path download() throws IOException {
    return downloader().build().downloadModel(FakeHub.REPO, "main", target);
  }

  private void makeSharded() {
    hub.remove("model.safetensors")
        .file("model.safetensors.index.json", INDEX)
        .lfsFile(SHARD_1_NAME, SHARD_1)
        .lfsFile(SHARD_2_NAME, SHARD_2);
  }

  /** A part of model.safetensors left in the target folder by an earlier, interrupted run. */
  private void leavePartOfTheWeights(byte[] part) throws IOException {
    Files.createDirectories(target);
    Files.write(target.resolve("model.safetensors.incomplete"), part);
  }

  private byte[] read(String name) throws IOException {
    return Files.readAllBytes(target.resolve(name));
  }

  private List<String> leftoverParts() throws IOException {
    return leftoverParts(target);
  }

  private static List<String> leftoverParts(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".incomplete"))
          .collect(Collectors.toList());
    }
  }

  private static void assertContains(String text, String... parts) {
    for (String part : parts) {
      assertTrue("expected '" + part + "' in: " + text, text.contains(part));
    }
  }

  @Test
  public void downloadsEveryNeededFileOfASingleFileRepository() throws IOException {
    assertEquals(target, download());

    assertEquals(CONFIG, new String(read("config.json"), StandardCharsets.UTF_8));
    assertEquals(TOKENIZER, new String(read("tokenizer.json"), StandardCharsets.UTF_8));
    assertEquals(
        TOKENIZER_CONFIG, new String(read("tokenizer_config.json"), StandardCharsets.UTF_8));
    assertArrayEquals(WEIGHTS, read("model.safetensors"));
    assertEquals(List.of(), leftoverParts());
    VerifiedFiles verified = VerifiedFiles.open(target, FakeHub.REPO, "main");
    assertEquals(FakeHub.sha256(WEIGHTS), verified.sha256("model.safetensors"));
  }

  @Test
  public void downloadsTheIndexAndEveryShardOfAShardedRepository() throws IOException {
    makeSharded();

    download();

    assertEquals(INDEX, new String(read("model.safetensors.index.json"), StandardCharsets.UTF_8));
    assertArrayEquals(SHARD_1, read(SHARD_1_NAME));
    assertArrayEquals(SHARD_2, read(SHARD_2_NAME));
    assertEquals(
        "each shard once, however many tensors it holds", 1, hub.requestsFor(SHARD_1_NAME).size());
    assertEquals(
        "no single-file weights asked for when there is an index",
        0,
        hub.requestsFor("model.safetensors").size());
    assertFalse(Files.exists(target.resolve("model.safetensors")));
  }

  @Test
  public void optionalFilesTheRepositoryLacksAreSkippedAndNotAskedForAgain() throws IOException {
    download();
    assertFalse(Files.exists(target.resolve("special_tokens_map.json")));
    assertEquals(1, hub.requestsFor("special_tokens_map.json").size());

    download();
    assertEquals(1, hub.requestsFor("special_tokens_map.json").size());
  }

  @Test
  public void filesAlreadyDownloadedAndVerifiedAreNotRequestedAgain() throws IOException {
    makeSharded();
    download();
    hub.clearRequests();

    download();

    assertEquals(List.of(), hub.requests());
    assertArrayEquals(SHARD_2, read(SHARD_2_NAME));
  }

  @Test
  public void aDamagedManifestMeansEveryFileIsDownloadedAgain() throws IOException {
    download();
    Files.writeString(target.resolve(VerifiedFiles.FILE_NAME), "{ not json");
    hub.clearRequests();

    download();

    assertEquals(1, hub.requestsFor("model.safetensors").size());
    assertArrayEquals(WEIGHTS, read("model.safetensors"));
    assertEquals(
        FakeHub.sha256(WEIGHTS),
        VerifiedFiles.open(target, FakeHub.REPO, "main").sha256("model.safetensors"));
  }

  @Test
  public void aFolderDownloadedForAnotherRevisionIsVerifiedAgain() throws IOException {
    hub.revision("v2");
    download();
    hub.clearRequests();

    downloader().build().downloadModel(FakeHub.REPO, "v2", target);

    assertEquals(1, hub.requestsFor("config.json").size());
  }

  @Test
  public void aDeletedFileIsDownloadedAgainAndNothingElse() throws IOException {
    download();
    Files.delete(target.resolve("tokenizer.json"));
    hub.clearRequests();

    download();

    assertEquals(
        List.of("tokenizer.json"),
        hub.requests().stream().map(FakeHub.Request::fileName).collect(Collectors.toList()));
    assertEquals(TOKENIZER, new String(read("tokenizer.json"), StandardCharsets.UTF_8));
  }

  @Test
  public void aFileChangedOnDiskIsHashedAgainAndDownloadedAgain() throws IOException {
    download();
    Path weights = target.resolve("model.safetensors");
    byte[] damaged = WEIGHTS.clone();
    damaged[1234] ^= 1;
    Files.write(weights, damaged);
    Files.setLastModifiedTime(
        weights, FileTime.fromMillis(Files.getLastModifiedTime(weights).toMillis() + 10_000));
    hub.clearRequests();

    download();

    assertEquals(
        List.of("model.safetensors"),
        hub.requests().stream().map(FakeHub.Request::fileName).collect(Collectors.toList()));
    assertArrayEquals(WEIGHTS, read("model.safetensors"));
  }

  @Test
  public void resumesWithARangeRequestAfterTheConnectionDropsMidway() throws IOException {
    hub.dropConnectionOnce("model.safetensors");
    long start = System.nanoTime();

    downloader()
        .readTimeout(Duration.ofSeconds(20))
        .build()
        .downloadModel(FakeHub.REPO, "main", target);

    assertTrue(
        "a dropped connection is noticed at once, not after the read timeout",
        System.nanoTime() - start < 10_000_000_000L);

    List<FakeHub.Request> requests = hub.requestsFor("model.safetensors");
    assertEquals(2, requests.size());
    assertNull(requests.get(0).range());
    // the resume starts where the part on disk ends: at most the half the server sent before
    // dropping
    Matcher range =
        Pattern.compile("bytes=(\\d+)-").matcher(String.valueOf(requests.get(1).range()));
    assertTrue(requests.get(1).range(), range.matches());
    long resumedAt = Long.parseLong(range.group(1));
    assertTrue("resumed at " + resumedAt, resumedAt > 0 && resumedAt <= WEIGHTS.length / 2);
    assertArrayEquals(WEIGHTS, read("model.safetensors"));
    assertEquals(List.of(), leftoverParts());
  }

  @Test
  public void resumesFromAPartLeftByAnEarlierRun() throws IOException {
    leavePartOfTheWeights(Arrays.copyOf(WEIGHTS, 1000));

    download();

    List<FakeHub.Request> requests = hub.requestsFor("model.safetensors");
    assertEquals(1, requests.size());
    assertEquals("bytes=1000-", requests.get(0).range());
    assertArrayEquals(WEIGHTS, read("model.safetensors"));
  }

  @Test
  public void resumesThroughTheCdnRedirect() throws IOException {
    hub.redirectLfsToCdn();
    leavePartOfTheWeights(Arrays.copyOf(WEIGHTS, 5000));

    download();

    List<FakeHub.Request> requests = hub.requestsFor("model.safetensors");
    assertEquals(2, requests.size());
    assertEquals("cdn", requests.get(1).server());
    assertEquals("bytes=5000-", requests.get(1).range());
    assertArrayEquals(WEIGHTS, read("model.safetensors"));
  }

  @Test
  public void startsOverWhenTheServerIgnoresTheRange() throws IOException {
    hub.ignoreRange();
    leavePartOfTheWeights(Arrays.copyOf(WEIGHTS, 1000));

    download();

    assertEquals("bytes=1000-", hub.requestsFor("model.safetensors").get(0).range());
    assertArrayEquals(WEIGHTS, read("model.safetensors"));
  }

  @Test
  public void aPartFromAnotherVersionOfTheFileIsDiscardedAndTheFileDownloadedAfresh()
      throws IOException {
    leavePartOfTheWeights(FakeHub.randomBytes(1000, 99));

    download();

    List<FakeHub.Request> requests = hub.requestsFor("model.safetensors");
    assertEquals(2, requests.size());
    assertEquals("bytes=1000-", requests.get(0).range());
    assertNull(requests.get(1).range());
    assertArrayEquals(WEIGHTS, read("model.safetensors"));
  }

  @Test
  public void aCompletePartIsVerifiedAndMovedIntoPlaceWithoutDownloadingItAgain()
      throws IOException {
    leavePartOfTheWeights(WEIGHTS);

    download();

    List<FakeHub.Request> requests = hub.requestsFor("model.safetensors");
    assertEquals(1, requests.size());
    assertEquals("bytes=" + WEIGHTS.length + "-", requests.get(0).range());
    assertArrayEquals(WEIGHTS, read("model.safetensors"));
    assertEquals(List.of(), leftoverParts());
  }

  @Test
  public void checksumMismatchIsRejectedAndTheDownloadDeleted() throws IOException {
    String announced = FakeHub.sha256("something else".getBytes(StandardCharsets.UTF_8));
    hub.announceChecksum("model.safetensors", announced);

    HubDownloadException e = assertThrows(HubDownloadException.class, this::download);

    assertEquals(HubDownloadException.Reason.CHECKSUM_MISMATCH, e.reason());
    assertContains(
        e.getMessage(),
        "model.safetensors",
        FakeHub.REPO,
        announced,
        FakeHub.sha256(WEIGHTS),
        "deleted");
    assertFalse(Files.exists(target.resolve("model.safetensors")));
    assertEquals(List.of(), leftoverParts());
    assertNull(VerifiedFiles.open(target, FakeHub.REPO, "main").sha256("model.safetensors"));
  }

  @Test
  public void moreBytesThanTheHubAnnouncedAreRejected() throws IOException {
    hub.redirectLfsToCdn().announceSize("model.safetensors", WEIGHTS.length - 10);

    HubDownloadException e = assertThrows(HubDownloadException.class, this::download);

    assertEquals(HubDownloadException.Reason.SIZE_MISMATCH, e.reason());
    assertContains(e.getMessage(), "model.safetensors", Long.toString(WEIGHTS.length - 10));
    assertFalse(Files.exists(target.resolve("model.safetensors")));
    assertEquals(List.of(), leftoverParts());
  }

  @Test
  public void theTokenGoesToTheHubButNotToTheHostItRedirectsTo() throws IOException {
    hub.requireToken("hf_secret").redirectLfsToCdn();

    downloader().token("hf_secret").build().downloadModel(FakeHub.REPO, "main", target);

    assertArrayEquals(
        "verified against the hub's X-Linked-Etag, not the CDN's ETag",
        WEIGHTS,
        read("model.safetensors"));
    List<FakeHub.Request> cdn =
        hub.requests().stream().filter(r -> r.server().equals("cdn")).collect(Collectors.toList());
    List<FakeHub.Request> onHub =
        hub.requests().stream().filter(r -> r.server().equals("hub")).collect(Collectors.toList());
    assertEquals(1, cdn.size());
    assertNull(cdn.get(0).authorization());
    assertFalse(onHub.isEmpty());
    onHub.forEach(r -> assertEquals(r.rawPath(), "Bearer hf_secret", r.authorization()));
  }

  @Test
  public void redirectsWithinTheHubKeepTheToken() throws IOException {
    hub.requireToken("hf_secret").redirectSmallFilesOnHub();

    downloader().token("hf_secret").build().downloadModel(FakeHub.REPO, "main", target);

    List<FakeHub.Request> cached =
        hub.requests().stream()
            .filter(r -> r.rawPath().startsWith("/api/resolve-cache/"))
            .collect(Collectors.toList());
    assertFalse(cached.isEmpty());
    cached.forEach(r -> assertEquals("Bearer hf_secret", r.authorization()));
    assertEquals(CONFIG, new String(read("config.json"), StandardCharsets.UTF_8));
  }

  @Test
  public void unauthorizedWithoutATokenTellsToSetHfToken() {
    hub.requireToken("hf_secret");

    HubDownloadException e = assertThrows(HubDownloadException.class, this::download);

    assertEquals(HubDownloadException.Reason.UNAUTHORIZED, e.reason());
    assertContains(
        e.getMessage(),
        "401",
        "HF_TOKEN",
        "config.json",
        FakeHub.REPO,
        FakeHub.TOKEN_REALM_MESSAGE);
  }

  @Test
  public void unauthorizedWithATokenSaysTheTokenWasNotAccepted() {
    hub.requireToken("hf_secret");

    HubDownloadException e =
        assertThrows(
            HubDownloadException.class,
            () ->
                downloader().token("hf_wrong").build().downloadModel(FakeHub.REPO, "main", target));

    assertEquals(HubDownloadException.Reason.UNAUTHORIZED, e.reason());
    assertContains(e.getMessage(), "HF_TOKEN was not accepted");
  }

  @Test
  public void forbiddenPointsAtTheGatedModelsPage() {
    hub.forbidden();

    HubDownloadException e =
        assertThrows(
            HubDownloadException.class,
            () ->
                downloader()
                    .token("hf_secret")
                    .build()
                    .downloadModel(FakeHub.REPO, "main", target));

    assertEquals(HubDownloadException.Reason.FORBIDDEN, e.reason());
    assertContains(
        e.getMessage(),
        "403",
        "HF_TOKEN",
        hub.endpoint() + "/" + FakeHub.REPO,
        "accept its conditions");
  }

  @Test
  public void missingRepositoryIsNamed() {
    HubDownloadException e =
        assertThrows(
            HubDownloadException.class,
            () -> downloader().build().downloadModel("acme/no-such-model", "main", target));

    assertEquals(HubDownloadException.Reason.NOT_FOUND, e.reason());
    assertContains(
        e.getMessage(), "repository acme/no-such-model was not found on " + hub.endpoint());
  }

  @Test
  public void missingRevisionIsNamed() {
    HubDownloadException e =
        assertThrows(
            HubDownloadException.class,
            () -> downloader().build().downloadModel(FakeHub.REPO, "v9", target));

    assertEquals(HubDownloadException.Reason.NOT_FOUND, e.reason());
    assertContains(e.getMessage(), "revision v9 was not found in repository " + FakeHub.REPO);
  }

  @Test
  public void missingFileIsNamedWithRepositoryAndRevision() {
    hub.remove("tokenizer.json");

    HubDownloadException e = assertThrows(HubDownloadException.class, this::download);

    assertEquals(HubDownloadException.Reason.NOT_FOUND, e.reason());
    assertContains(
        e.getMessage(),
        "tokenizer.json was not found in repository " + FakeHub.REPO + " at revision main");
  }

  @Test
  public void missingWeightsSayWhichFilesWereLookedFor() {
    hub.remove("model.safetensors");

    HubDownloadException e = assertThrows(HubDownloadException.class, this::download);

    assertEquals(HubDownloadException.Reason.NOT_FOUND, e.reason());
    assertContains(
        e.getMessage(),
        "neither model.safetensors nor model.safetensors.index.json",
        "at revision main");
  }

  @Test
  public void unreachableEndpointStopsAtOnceWithTheOfflineMessage() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    HubDownloader downloader =
        HubDownloader.builder().endpoint("http://127.0.0.1:" + closedPort).build();
    long start = System.nanoTime();

    HubDownloadException e =
        assertThrows(
            HubDownloadException.class,
            () -> downloader.downloadModel(FakeHub.REPO, "main", target));

    assertTrue("no retries with their 1 s pauses", System.nanoTime() - start < 2_000_000_000L);
    assertEquals(HubDownloadException.Reason.UNREACHABLE, e.reason());
    assertContains(
        e.getMessage(),
        "could not reach the Hugging Face hub at http://127.0.0.1:" + closedPort,
        "config.json",
        "--model DIR");
  }

  @Test
  public void aStalledTransferFailsAfterTheReadTimeoutAndKeepsThePartForTheNextRun()
      throws IOException {
    hub.stall("model.safetensors");
    HubDownloader downloader = downloader().readTimeout(Duration.ofMillis(300)).attempts(1).build();
    long start = System.nanoTime();

    HubDownloadException e =
        assertThrows(
            HubDownloadException.class,
            () -> downloader.downloadModel(FakeHub.REPO, "main", target));

    assertTrue(System.nanoTime() - start < 5_000_000_000L);
    assertEquals(HubDownloadException.Reason.TRANSFER_FAILED, e.reason());
    assertContains(e.getMessage(), "model.safetensors", "read timeout", "next run resumes");
    assertEquals(WEIGHTS.length / 2, Files.size(target.resolve("model.safetensors.incomplete")));
  }

  @Test
  public void aTransientServerErrorIsRetried() throws IOException {
    hub.failOnceWith503("config.json");

    download();

    assertEquals(2, hub.requestsFor("config.json").size());
    assertEquals(CONFIG, new String(read("config.json"), StandardCharsets.UTF_8));
  }

  @Test
  public void progressShowsEachFileWithBytesRateAndTimeLeft() throws IOException {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    downloader()
        .progress(new PrintStream(err, true, StandardCharsets.UTF_8))
        .build()
        .downloadModel(FakeHub.REPO, "main", target);

    String progress = err.toString(StandardCharsets.UTF_8);
    assertContains(
        progress, "config.json", "model.safetensors  100% [", "300.0/300.0 kB", "MB/s", "ETA");
  }

  @Test
  public void environmentSuppliesEndpointAndToken() throws IOException {
    hub.requireToken("hf_from_env");
    HubDownloader downloader =
        downloader()
            .environment(Map.of("HF_ENDPOINT", hub.endpoint() + "/", "HF_TOKEN", "hf_from_env"))
            .build();

    downloader.downloadModel(FakeHub.REPO, "main", target);

    assertEquals(URI.create(hub.endpoint()), downloader.endpoint());
    assertArrayEquals(WEIGHTS, read("model.safetensors"));
  }

  @Test
  public void withoutHfEndpointTheEndpointIsThePublicHub() {
    assertEquals(
        URI.create(HubDownloader.DEFAULT_ENDPOINT),
        HubDownloader.builder().environment(Map.of("HF_TOKEN", "")).build().endpoint());
  }

  @Test
  public void revisionIsSentAsOneEncodedPathSegment() throws IOException {
    hub.revision("refs/pr/1");

    downloader().build().downloadModel(FakeHub.REPO, "refs/pr/1", target);

    assertEquals(
        "/" + FakeHub.REPO + "/resolve/refs%2Fpr%2F1/config.json",
        hub.requestsFor("config.json").get(0).rawPath());
  }

  @Test
  public void shardNamesOutsideTheModelFolderAreRejected() {
    makeSharded();
    hub.file("model.safetensors.index.json", "{\"weight_map\":{\"a\":\"../evil.safetensors\"}}");

    HubDownloadException e = assertThrows(HubDownloadException.class, this::download);

    assertEquals(HubDownloadException.Reason.INVALID_INDEX, e.reason());
    assertContains(
        e.getMessage(), "../evil.safetensors", "not a .safetensors file inside the model folder");
    assertEquals(List.of(), hub.requestsFor("evil.safetensors"));
  }

  @Test
  public void malformedRepositoryIdsAndEndpointsAreRejectedBeforeAnyRequest() {
    HubDownloader downloader = downloader().build();
    for (String repo : new String[] {"", "a/b/c", "../etc", "owner/name with space"}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> downloader.downloadModel(repo, "main", target));
      assertContains(e.getMessage(), "owner/name");
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> HubDownloader.builder().endpoint("ftp://example.com"));
    assertEquals(List.of(), hub.requests());
  }

  private static final String DATASET = "acme/sts-data";
  private static final byte[] TEST_SET = FakeHub.randomBytes(70_000, 4);
  private static final byte[] QRELS =
      "query-id\tcorpus-id\tscore\r\nq1\td1\t1\r\n".getBytes(StandardCharsets.UTF_8);

  private Path downloadDataset() throws IOException {
    return downloader()
        .build()
        .downloadDatasetFiles(DATASET, "main", List.of("test.jsonl.gz", "qrels/test.tsv"), target);
  }

  private void serveDataset() {
    hub.datasetLfsFile(DATASET, "test.jsonl.gz", TEST_SET)
        .datasetFile(DATASET, "qrels/test.tsv", QRELS);
  }

  @Test
  public void downloadsTheNamedFilesOfADatasetRepository() throws IOException {
    serveDataset();

    assertEquals(target, downloadDataset());

    assertArrayEquals(TEST_SET, read("test.jsonl.gz"));
    assertArrayEquals(QRELS, read("qrels/test.tsv"));
    assertEquals(
        List.of(
            "/datasets/" + DATASET + "/resolve/main/test.jsonl.gz",
            "/datasets/" + DATASET + "/resolve/main/qrels/test.tsv"),
        hub.requests().stream().map(FakeHub.Request::rawPath).collect(Collectors.toList()));
  }

  @Test
  public void verifiedDatasetFilesAreNotRequestedAgain() throws IOException {
    serveDataset();
    downloadDataset();
    hub.clearRequests();

    downloadDataset();

    assertEquals(List.of(), hub.requests());
  }

  @Test
  public void aRegularFileIsCheckedAgainstItsGitBlobId() throws IOException {
    serveDataset();
    String announced = FakeHub.gitBlobId("other content".getBytes(StandardCharsets.UTF_8));
    hub.announceDatasetChecksum(DATASET, "qrels/test.tsv", announced);

    HubDownloadException e = assertThrows(HubDownloadException.class, this::downloadDataset);

    assertEquals(HubDownloadException.Reason.CHECKSUM_MISMATCH, e.reason());
    assertContains(
        e.getMessage(),
        "qrels/test.tsv of dataset " + DATASET + " at revision main",
        "git blob id " + FakeHub.gitBlobId(QRELS),
        announced,
        "deleted");
    assertFalse(Files.exists(target.resolve("qrels/test.tsv")));
    assertEquals(List.of(), leftoverParts(target.resolve("qrels")));
  }

  @Test
  public void aFileTheHubAnnouncesNoChecksumForIsNotKept() throws IOException {
    hub.withoutChecksums();

    HubDownloadException e = assertThrows(HubDownloadException.class, this::download);

    assertEquals(HubDownloadException.Reason.UNVERIFIABLE, e.reason());
    assertContains(e.getMessage(), "config.json", "without a checksum", "HF_ENDPOINT");
    assertFalse(Files.exists(target.resolve("config.json")));
    assertEquals(List.of(), leftoverParts());
  }

  @Test
  public void anUnreachableHubForADatasetGivesNoModelAdvice() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    HubDownloader downloader =
        HubDownloader.builder().endpoint("http://127.0.0.1:" + closedPort).build();

    HubDownloadException e =
        assertThrows(
            HubDownloadException.class,
            () -> downloader.downloadDatasetFiles(DATASET, "main", List.of("test.tsv"), target));

    assertEquals(HubDownloadException.Reason.UNREACHABLE, e.reason());
    assertContains(e.getMessage(), "test.tsv of dataset " + DATASET, "HF_ENDPOINT.");
    assertFalse(e.getMessage(), e.getMessage().contains("--model"));
    assertContains(e.why(), "cannot connect to 127.0.0.1:" + closedPort);
    assertFalse(e.why(), e.why().contains("HF_ENDPOINT"));
  }

  @Test
  public void datasetFilePathsOutsideTheTargetFolderAreRejectedBeforeAnyRequest() {
    serveDataset();
    HubDownloader downloader = downloader().build();
    for (String file : new String[] {"", "../evil.tsv", "/etc/passwd", "a\\b.tsv", "qrels/.."}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> downloader.downloadDatasetFiles(DATASET, "main", List.of(file), target));
      assertContains(e.getMessage(), "relative path inside the repository", file);
    }
    assertEquals(List.of(), hub.requests());
  }
}
