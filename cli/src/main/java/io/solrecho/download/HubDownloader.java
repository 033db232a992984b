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

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.solrecho.embed.WholeNumber;
import io.solrecho.progress.ProgressBar;
import io.solrecho.progress.ProgressUnit;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Downloads from the Hugging Face hub into a folder: what solr-echo needs of a model repository
 * ({@link #downloadModel}), or named files of a dataset repository ({@link #downloadDatasetFiles}),
 * at a revision.
 *
 * <p>Files come from {@code {endpoint}/{repo}/resolve/{revision}/{file}} ({@code
 * {endpoint}/datasets/{repo}/...} for datasets), with the token (if any) as a bearer token to the
 * endpoint only, never to the CDN the hub redirects large files to. Each file is written through
 * {@code FILE.incomplete}, resumed with a {@code Range} request after an interruption, checked
 * against the size and the checksum the hub announces (an LFS file's sha256, a regular file's git
 * blob id), and renamed into place only when complete. Files verified before (listed in the
 * folder's {@code .solr-echo-download.json}) are not requested again, so a finished folder needs no
 * network.
 *
 * <p>Instances are immutable and may be shared.
 */
public final class HubDownloader {
  /** The public hub, used when HF_ENDPOINT is not set. */
  public static final String DEFAULT_ENDPOINT = "https://huggingface.co";

  /** The revision to use when none is given. */
  public static final String DEFAULT_REVISION = "main";

  static final String CONFIG = "config.json";
  static final String TOKENIZER = "tokenizer.json";
  static final List<String> OPTIONAL_FILES =
      List.of("tokenizer_config.json", "special_tokens_map.json");
  static final String WEIGHTS = "model.safetensors";
  static final String WEIGHTS_INDEX = "model.safetensors.index.json";

  /** What to do instead of downloading a model, for the offline message. */
  private static final String MODEL_OFFLINE_ADVICE =
      "pass a local model folder instead with --model DIR (a folder holding config.json,"
          + " tokenizer.json and the .safetensors weights, as downloaded from the hub)";

  private static final Pattern REPO_ID =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?");

  private final URI endpoint;
  private final String token;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final int attempts;
  private final Duration retryBackoff;
  private final PrintStream progress;

  private HubDownloader(Builder builder) {
    this.endpoint = builder.endpoint;
    this.token = builder.token;
    this.connectTimeout = builder.connectTimeout;
    this.readTimeout = builder.readTimeout;
    this.attempts = builder.attempts;
    this.retryBackoff = builder.retryBackoff;
    this.progress = builder.progress;
  }

  public static Builder builder() {
    return new Builder();
  }

  public URI endpoint() {
    return endpoint;
  }

  /**
   * Downloads the files of model repository {@code repoId} at {@code revision} into {@code target}
   * (created if missing), skipping those already there and verified: {@code config.json}, {@code
   * tokenizer.json}, {@code tokenizer_config.json} and {@code special_tokens_map.json} when the
   * repository has them, and the weights, {@code model.safetensors} or {@code
   * model.safetensors.index.json} with every shard it names.
   *
   * @param repoId a repository id such as {@code HuggingFaceTB/SmolLM2-135M-Instruct}
   * @param revision a branch, tag or commit, such as {@value #DEFAULT_REVISION}
   * @return {@code target}, now a model folder
   * @throws IllegalArgumentException for a malformed repository id or revision
   * @throws HubDownloadException when the hub cannot be reached, refuses, lacks a file, or sends
   *     damaged data; its message says what to do
   * @throws IOException when the target folder cannot be written
   */
  public Path downloadModel(String repoId, String revision, Path target) throws IOException {
    Path folder = prepare(repoId, revision, target);
    RepositorySnapshot snapshot =
        snapshot(HubFile.Kind.MODEL, repoId, revision, folder, MODEL_OFFLINE_ADVICE);
    snapshot.fetch(CONFIG, true);
    snapshot.fetch(TOKENIZER, true);
    for (String name : OPTIONAL_FILES) {
      snapshot.fetch(name, false);
    }
    if (snapshot.fetch(WEIGHTS_INDEX, false)) {
      for (String shard : shards(folder, WEIGHTS_INDEX)) {
        snapshot.fetch(shard, true);
      }
    } else {
      try {
        snapshot.fetch(WEIGHTS, true);
      } catch (HubDownloadException e) {
        if (!e.isMissingFile()) {
          throw e;
        }
        throw new HubDownloadException(
            HubDownloadException.Reason.NOT_FOUND,
            "neither "
                + WEIGHTS
                + " nor "
                + WEIGHTS_INDEX
                + " was found in repository "
                + repoId
                + " at revision "
                + revision
                + ": solr-echo reads safetensors weights only (not pytorch_model.bin); pick a repository or revision"
                + " that has them",
            e);
      }
    }
    return target;
  }

  /**
   * Downloads the named files of dataset repository {@code repoId} at {@code revision} into {@code
   * target} (created if missing), each to the same relative path, skipping those already there and
   * verified. A run whose files are all verified makes no request at all.
   *
   * @param repoId a dataset repository id such as {@code mteb/sts12-sts}
   * @param revision a branch, tag or commit; a commit pins the content
   * @param files paths inside the repository, such as {@code test.jsonl.gz}
   * @return {@code target}
   * @throws IllegalArgumentException for a malformed repository id, revision or file path
   * @throws HubDownloadException when the hub cannot be reached, refuses, lacks a file, or sends
   *     damaged data; its message says what to do
   * @throws IOException when the target folder cannot be written
   */
  public Path downloadDatasetFiles(String repoId, String revision, List<String> files, Path target)
      throws IOException {
    Path folder = prepare(repoId, revision, target);
    for (String file : files) {
      checkRelativePath(folder, file);
    }
    RepositorySnapshot snapshot = snapshot(HubFile.Kind.DATASET, repoId, revision, folder, "");
    for (String file : files) {
      snapshot.fetch(file, true);
    }
    return target;
  }

  /** Checks the repository and revision, and creates the target folder. */
  private static Path prepare(String repoId, String revision, Path target) throws IOException {
    checkRepoId(repoId);
    checkRevision(revision);
    Path folder = Objects.requireNonNull(target, "target").toAbsolutePath().normalize();
    Files.createDirectories(folder);
    return folder;
  }

  private RepositorySnapshot snapshot(
      HubFile.Kind kind, String repoId, String revision, Path folder, String offlineAdvice)
      throws IOException {
    ProgressBar bar = new ProgressBar(progress, ProgressUnit.bytes());
    HubClient client = new HubClient(connectTimeout, readTimeout, token);
    return new RepositorySnapshot(
        kind,
        endpoint,
        repoId,
        revision,
        folder,
        bar,
        new ResumableDownload(client, readTimeout, attempts, retryBackoff, bar, offlineAdvice));
  }

  /** Checks that a file path names a file inside {@code folder}, with '/' between segments. */
  private static void checkRelativePath(Path folder, String file) {
    Path resolved = file == null ? folder : folder.resolve(file).normalize();
    if (file == null
        || file.isEmpty()
        || file.contains("\\")
        || file.startsWith("/")
        || !resolved.startsWith(folder)
        || resolved.equals(folder)) {
      throw new IllegalArgumentException(
          "file must be a relative path inside the repository, such as test.jsonl.gz; got '"
              + file
              + "'");
    }
  }

  /**
   * The distinct shard files an index's {@code weight_map} names, each checked to stay inside
   * {@code folder}.
   */
  static Set<String> shards(Path folder, String indexName) throws IOException {
    Path index = folder.resolve(indexName);
    JsonObject weightMap;
    try (Reader reader = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
      JsonElement root = JsonParser.parseReader(reader);
      JsonElement map = root.isJsonObject() ? root.getAsJsonObject().get("weight_map") : null;
      if (map == null || !map.isJsonObject()) {
        throw new HubDownloadException(
            HubDownloadException.Reason.INVALID_INDEX,
            index + " has no \"weight_map\" object;" + " it is not a safetensors index");
      }
      weightMap = map.getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new HubDownloadException(
          HubDownloadException.Reason.INVALID_INDEX,
          index + " is not valid JSON: " + e.getMessage(),
          e);
    }
    Set<String> shards = new TreeSet<>();
    Path root = folder.toAbsolutePath().normalize();
    for (Map.Entry<String, JsonElement> entry : weightMap.entrySet()) {
      JsonElement value = entry.getValue();
      String shard = value.isJsonPrimitive() ? value.getAsString() : "";
      Path resolved = root.resolve(shard).normalize();
      if (shard.isEmpty()
          || shard.contains("\\")
          || !resolved.startsWith(root)
          || resolved.equals(root)
          || !shard.endsWith(".safetensors")) {
        throw new HubDownloadException(
            HubDownloadException.Reason.INVALID_INDEX,
            index
                + " maps tensor "
                + entry.getKey()
                + " to '"
                + shard
                + "', which is not a .safetensors file inside the model folder");
      }
      shards.add(root.relativize(resolved).toString().replace('\\', '/'));
    }
    return shards;
  }

  private static void checkRepoId(String repoId) {
    if (repoId == null || !REPO_ID.matcher(repoId).matches() || repoId.contains("..")) {
      throw new IllegalArgumentException(
          "repository id must look like owner/name, e.g. HuggingFaceTB/SmolLM2-135M-Instruct;"
              + " got '"
              + repoId
              + "'");
    }
  }

  private static void checkRevision(String revision) {
    if (revision == null
        || revision.isBlank()
        || !revision.equals(revision.strip())
        || revision.contains("..")) {
      throw new IllegalArgumentException(
          "revision must be a branch, tag or commit such as main; got '" + revision + "'");
    }
  }

  /** Options of a {@link HubDownloader}; every one has a default. */
  public static final class Builder {
    private URI endpoint = URI.create(DEFAULT_ENDPOINT);
    private String token;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private int attempts = 5;
    private Duration retryBackoff = Duration.ofSeconds(1);
    private PrintStream progress;

    private Builder() {}

    /** The hub's base address (default {@value HubDownloader#DEFAULT_ENDPOINT}), http or https. */
    public Builder endpoint(String endpoint) {
      URI uri;
      try {
        uri = URI.create(Objects.requireNonNull(endpoint, "endpoint").trim().replaceAll("/+$", ""));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "hub endpoint '" + endpoint + "' is not a URL: " + e.getMessage(), e);
      }
      if (uri.getScheme() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null
          || uri.getQuery() != null
          || uri.getFragment() != null) {
        throw new IllegalArgumentException(
            "hub endpoint must be an http(s) URL such as "
                + DEFAULT_ENDPOINT
                + "; got '"
                + endpoint
                + "'");
      }
      this.endpoint = uri;
      return this;
    }

    /**
     * The access token sent as {@code Authorization: Bearer} to the endpoint; null or blank for
     * none.
     */
    public Builder token(String token) {
      this.token = token == null || token.isBlank() ? null : token.trim();
      return this;
    }

    /**
     * Takes the endpoint from {@code HF_ENDPOINT} and the token from {@code HF_TOKEN}, where set
     * and not blank.
     */
    public Builder environment(Map<String, String> environment) {
      String hfEndpoint = environment.get("HF_ENDPOINT");
      if (hfEndpoint != null && !hfEndpoint.isBlank()) {
        endpoint(hfEndpoint);
      }
      String hfToken = environment.get("HF_TOKEN");
      if (hfToken != null && !hfToken.isBlank()) {
        token(hfToken);
      }
      return this;
    }

    /**
     * How long to wait for a connection (default 10 s); a hub that cannot be reached in time counts
     * as offline.
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * How long to wait for an answer, and for the next bytes of a body, before retrying (default 30
     * s).
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /**
     * Attempts per file when a transfer breaks off, stalls or meets a transient error (default 5).
     */
    public Builder attempts(int attempts) {
      this.attempts = WholeNumber.atLeast("attempts", attempts, 1);
      return this;
    }

    /**
     * The pause before the first retry, doubled before each further one up to 30 s (default 1 s).
     */
    public Builder retryBackoff(Duration backoff) {
      if (backoff == null || backoff.isNegative()) {
        throw new IllegalArgumentException("retryBackoff must be zero or positive, got " + backoff);
      }
      this.retryBackoff = backoff;
      return this;
    }

    /** Where the progress bars go (typically {@code System.err}); null (the default) for none. */
    public Builder progress(PrintStream progress) {
      this.progress = progress;
      return this;
    }

    public HubDownloader build() {
      return new HubDownloader(this);
    }

    private static Duration positive(Duration duration, String name) {
      if (duration == null || duration.isZero() || duration.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, got " + duration);
      }
      return duration;
    }
  }
}
