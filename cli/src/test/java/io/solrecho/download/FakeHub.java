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

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A stand-in for the Hugging Face hub on 127.0.0.1 (ephemeral port) serving one model repository
 * ({@link #REPO}) and any number of dataset repositories, with a second server on another port
 * standing in for the CDN the hub redirects LFS files to. Behaves like the hub where the downloader
 * depends on it: {@code /{repo}/resolve/{revision}/{file}} and {@code
 * /datasets/{repo}/resolve/{revision}/{file}}, ETag / X-Linked-Etag / X-Linked-Size, X-Error-Code
 * on 404, Range requests; and can misbehave on request (drop a connection, stall, lie about a
 * checksum or size, fail once with 503, send no checksum). Records every request.
 */
public final class FakeHub implements AutoCloseable {
  public static final String REPO = "acme/tiny-lm";
  private static final String DATASETS = "datasets/";
  static final String TOKEN_REALM_MESSAGE =
      "Access to model acme/tiny-lm is restricted. Please log in.";
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

  /** One request as the servers saw it. */
  public record Request(String server, String rawPath, String authorization, String range) {
    String fileName() {
      return rawPath.substring(rawPath.lastIndexOf('/') + 1);
    }
  }

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final HttpServer hub;
  private final HttpServer cdn;

  /** Content by repository path and file name, e.g. {@code datasets/acme/data/test.tsv}. */
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();

  private final Set<String> lfs = ConcurrentHashMap.newKeySet();
  private final Set<String> revisions = ConcurrentHashMap.newKeySet();
  private final Map<String, String> announcedChecksum = new ConcurrentHashMap<>();
  private final Map<String, Long> announcedSize = new ConcurrentHashMap<>();
  private final Set<String> dropOnce = ConcurrentHashMap.newKeySet();
  private final Set<String> failOnceWith503 = ConcurrentHashMap.newKeySet();
  private final Set<String> stall = ConcurrentHashMap.newKeySet();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile boolean redirectLfsToCdn;
  private volatile boolean redirectSmallFilesOnHub;
  private volatile boolean ignoreRange;
  private volatile boolean forbidden;
  private volatile boolean noChecksums;
  private volatile String requiredToken;

  public FakeHub() throws IOException {
    revisions.add("main");
    hub = start("hub", this::hub);
    cdn = start("cdn", this::cdn);
  }

  private HttpServer start(String name, HttpHandler handler) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try {
            handler.handle(exchange);
          } finally {
            exchange.close();
          }
        });
    server.setExecutor(executor);
    server.start();
    return server;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + hub.getAddress().getPort();
  }

  /**
   * A file of the model repository stored in git (config, tokenizer, index): served by the hub
   * itself with a git-blob ETag.
   */
  FakeHub file(String name, byte[] content) {
    return put(key(REPO, name), content, false);
  }

  FakeHub file(String name, String content) {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A file of the model repository stored in LFS: its ETag (or X-Linked-Etag with a CDN redirect)
   * is its quoted sha256.
   */
  FakeHub lfsFile(String name, byte[] content) {
    return put(key(REPO, name), content, true);
  }

  /** A file of dataset repository {@code repo} stored in git, served with a git-blob ETag. */
  public FakeHub datasetFile(String repo, String name, byte[] content) {
    return put(key(DATASETS + repo, name), content, false);
  }

  /** A file of dataset repository {@code repo} stored in LFS, announced with its sha256. */
  public FakeHub datasetLfsFile(String repo, String name, byte[] content) {
    return put(key(DATASETS + repo, name), content, true);
  }

  private FakeHub put(String key, byte[] content, boolean inLfs) {
    files.put(key, content);
    if (inLfs) {
      lfs.add(key);
    } else {
      lfs.remove(key);
    }
    return this;
  }

  FakeHub remove(String name) {
    files.remove(key(REPO, name));
    return this;
  }

  /** A revision every repository has, besides {@code main}. */
  public FakeHub revision(String revision) {
    revisions.add(revision);
    return this;
  }

  /**
   * The hub redirects LFS files to the CDN server (another port), announcing X-Linked-Etag and
   * X-Linked-Size.
   */
  FakeHub redirectLfsToCdn() {
    redirectLfsToCdn = true;
    return this;
  }

  /**
   * The hub redirects git files to {@code /api/resolve-cache/...} on itself, with a relative
   * Location.
   */
  FakeHub redirectSmallFilesOnHub() {
    redirectSmallFilesOnHub = true;
    return this;
  }

  /** Range headers are ignored: always 200 with the whole file. */
  FakeHub ignoreRange() {
    ignoreRange = true;
    return this;
  }

  /** Every request without {@code Authorization: Bearer token} gets 401. */
  FakeHub requireToken(String token) {
    requiredToken = token;
    return this;
  }

  /** Every request gets 403 GatedRepo. */
  FakeHub forbidden() {
    forbidden = true;
    return this;
  }

  /**
   * The hub announces this checksum for model file {@code name} instead of the real one: as its
   * sha256 when the file is in LFS, as its git blob id when it is not.
   */
  FakeHub announceChecksum(String name, String checksum) {
    announcedChecksum.put(key(REPO, name), checksum);
    return this;
  }

  /** As {@link #announceChecksum}, for a file of dataset repository {@code repo}. */
  public FakeHub announceDatasetChecksum(String repo, String name, String checksum) {
    announcedChecksum.put(key(DATASETS + repo, name), checksum);
    return this;
  }

  /** The hub announces this size for {@code name} (X-Linked-Size) instead of the real one. */
  FakeHub announceSize(String name, long size) {
    announcedSize.put(key(REPO, name), size);
    return this;
  }

  /** The first transfer of {@code name} sends half its bytes, then the connection is dropped. */
  FakeHub dropConnectionOnce(String name) {
    dropOnce.add(key(REPO, name));
    return this;
  }

  /** Transfers of {@code name} send half the bytes, then nothing more for 10 s. */
  FakeHub stall(String name) {
    stall.add(key(REPO, name));
    return this;
  }

  /** The first request for {@code name} gets 503. */
  FakeHub failOnceWith503(String name) {
    failOnceWith503.add(key(REPO, name));
    return this;
  }

  /** Answers carry no ETag and no X-Linked-Etag, as a proxy that drops them would. */
  FakeHub withoutChecksums() {
    noChecksums = true;
    return this;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  List<Request> requestsFor(String fileName) {
    return requests.stream()
        .filter(r -> r.fileName().equals(fileName))
        .collect(Collectors.toList());
  }

  public void clearRequests() {
    requests.clear();
  }

  private static String key(String repoPath, String name) {
    return repoPath + "/" + name;
  }

  private void hub(HttpExchange exchange) throws IOException {
    String rawPath = exchange.getRequestURI().getRawPath();
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    requests.add(
        new Request("hub", rawPath, authorization, exchange.getRequestHeaders().getFirst("Range")));
    if (requiredToken != null && !("Bearer " + requiredToken).equals(authorization)) {
      exchange.getResponseHeaders().set("X-Error-Code", "GatedRepo");
      exchange.getResponseHeaders().set("X-Error-Message", TOKEN_REALM_MESSAGE);
      send(exchange, 401, "{\"error\":\"" + TOKEN_REALM_MESSAGE + "\"}");
      return;
    }
    if (forbidden) {
      exchange.getResponseHeaders().set("X-Error-Code", "GatedRepo");
      send(
          exchange,
          403,
          "{\"error\":\"Access to model acme/tiny-lm is restricted and you are not in the authorized list.\"}");
      return;
    }
    boolean cached = rawPath.startsWith("/api/resolve-cache/");
    String path = cached ? rawPath.substring("/api/resolve-cache/".length()) : rawPath.substring(1);
    String kind = path.startsWith(DATASETS) ? DATASETS : "";
    String[] parts = path.substring(kind.length()).split("/", cached ? 4 : 5);
    if (parts.length != (cached ? 4 : 5) || (!cached && !parts[2].equals("resolve"))) {
      send(exchange, 404, "Not Found");
      return;
    }
    String repo = kind + parts[0] + "/" + parts[1];
    String revision = URLDecoder.decode(parts[cached ? 2 : 3], StandardCharsets.UTF_8);
    String name = URLDecoder.decode(parts[cached ? 3 : 4], StandardCharsets.UTF_8);
    String key = key(repo, name);
    if (files.keySet().stream().noneMatch(k -> k.startsWith(repo + "/"))) {
      exchange.getResponseHeaders().set("X-Error-Code", "RepoNotFound");
      send(exchange, 404, "{\"error\":\"Repository not found\"}");
      return;
    }
    if (!revisions.contains(revision)) {
      exchange.getResponseHeaders().set("X-Error-Code", "RevisionNotFound");
      send(exchange, 404, "{\"error\":\"Invalid rev id: " + revision + "\"}");
      return;
    }
    byte[] content = files.get(key);
    if (content == null) {
      exchange.getResponseHeaders().set("X-Error-Code", "EntryNotFound");
      send(exchange, 404, "{\"error\":\"Entry not found\"}");
      return;
    }
    if (failOnceWith503.remove(key)) {
      send(exchange, 503, "{\"error\":\"Service Unavailable\"}");
      return;
    }
    boolean isLfs = lfs.contains(key);
    String checksum =
        announcedChecksum.getOrDefault(key, isLfs ? sha256(content) : gitBlobId(content));
    if (isLfs && redirectLfsToCdn) {
      if (!noChecksums) {
        exchange.getResponseHeaders().set("X-Linked-Etag", "\"" + checksum + "\"");
      }
      exchange
          .getResponseHeaders()
          .set(
              "X-Linked-Size",
              Long.toString(announcedSize.getOrDefault(key, (long) content.length)));
      exchange.getResponseHeaders().set("ETag", "W/\"redirect\"");
      exchange
          .getResponseHeaders()
          .set(
              "Location",
              "http://127.0.0.1:" + cdn.getAddress().getPort() + "/blobs/" + key + "?expires=1");
      exchange.sendResponseHeaders(302, -1);
      return;
    }
    if (!isLfs && redirectSmallFilesOnHub && !cached) {
      exchange
          .getResponseHeaders()
          .set(
              "Location",
              "/api/resolve-cache/"
                  + kind
                  + parts[0]
                  + "/"
                  + parts[1]
                  + "/"
                  + parts[3]
                  + "/"
                  + parts[4]);
      exchange.sendResponseHeaders(307, -1);
      return;
    }
    if (!noChecksums) {
      exchange.getResponseHeaders().set("ETag", "\"" + checksum + "\"");
    }
    if (announcedSize.containsKey(key)) {
      exchange.getResponseHeaders().set("X-Linked-Size", Long.toString(announcedSize.get(key)));
    }
    serve(exchange, key, content);
  }

  private void cdn(HttpExchange exchange) throws IOException {
    String rawPath = exchange.getRequestURI().getRawPath();
    requests.add(
        new Request(
            "cdn",
            rawPath,
            exchange.getRequestHeaders().getFirst("Authorization"),
            exchange.getRequestHeaders().getFirst("Range")));
    String key = rawPath.startsWith("/blobs/") ? rawPath.substring("/blobs/".length()) : "";
    byte[] content = files.get(key);
    if (content == null) {
      send(exchange, 404, "NoSuchKey");
      return;
    }
    // a 64-hex entity tag that is not the file's sha256: only the hub's X-Linked-Etag may be
    // trusted
    exchange.getResponseHeaders().set("ETag", "\"" + "0123456789abcdef".repeat(4) + "\"");
    serve(exchange, key, content);
  }

  /** The whole file, or from a {@code Range: bytes=N-} on (206), or 416 past its end. */
  private void serve(HttpExchange exchange, String key, byte[] content) throws IOException {
    int start = 0;
    int status = 200;
    Matcher range = RANGE.matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Range")));
    if (!ignoreRange && range.matches()) {
      start = Integer.parseInt(range.group(1));
      if (start >= content.length) {
        exchange.getResponseHeaders().set("Content-Range", "bytes */" + content.length);
        exchange.sendResponseHeaders(416, -1);
        return;
      }
      status = 206;
      exchange
          .getResponseHeaders()
          .set(
              "Content-Range",
              "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
    }
    int length = content.length - start;
    exchange.sendResponseHeaders(status, length);
    OutputStream body = exchange.getResponseBody();
    if (dropOnce.remove(key) || stall.contains(key)) {
      body.write(content, start, length / 2);
      body.flush();
      if (stall.contains(key)) {
        sleepQuietly(10_000);
      }
      // Closing the exchange (not the body stream) with bytes missing makes the server drop the
      // connection.
      exchange.close();
      return;
    }
    body.write(content, start, length);
    body.close();
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static byte[] randomBytes(int length, long seed) {
    byte[] bytes = new byte[length];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return bytes;
  }

  public static String sha256(byte[] content) {
    return Sha256.hex(digest("SHA-256").digest(content));
  }

  static String gitBlobId(byte[] content) {
    MessageDigest sha1 = digest("SHA-1");
    sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.UTF_8));
    return Sha256.hex(sha1.digest(content));
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    hub.stop(0);
    cdn.stop(0);
    executor.shutdownNow();
  }
}
