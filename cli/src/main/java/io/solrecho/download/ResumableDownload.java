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

import io.solrecho.progress.ProgressBar;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads one hub file into place through {@code FILE.incomplete}: resumes a part left by an
 * earlier attempt with a {@code Range} request (starting over when the server answers 200), retries
 * a transfer that breaks off or stalls, checks the size and the checksum the hub announced (the
 * sha256 of an LFS file, the git blob id of a regular one; a file with neither is refused), and
 * only then renames the part to its final name.
 */
final class ResumableDownload {
  static final String PART_SUFFIX = ".incomplete";
  private static final Set<Integer> TRANSIENT_STATUS = Set.of(408, 429, 500, 502, 503, 504);
  private static final Pattern CONTENT_RANGE =
      Pattern.compile("bytes\\s+(?:(\\d+)-(\\d+)|\\*)/(\\d+|\\*)");
  private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

  private final HubClient client;
  private final Duration readTimeout;
  private final int attempts;
  private final Duration retryBackoff;
  private final ProgressBar progress;
  private final String offlineAdvice;

  /**
   * @param offlineAdvice what to do instead when the hub cannot be reached, completing "check the
   *     network connection and HF_ENDPOINT, or ..."; empty for nothing more
   */
  ResumableDownload(
      HubClient client,
      Duration readTimeout,
      int attempts,
      Duration retryBackoff,
      ProgressBar progress,
      String offlineAdvice) {
    this.client = client;
    this.readTimeout = readTimeout;
    this.attempts = attempts;
    this.retryBackoff = retryBackoff;
    this.progress = progress;
    this.offlineAdvice = offlineAdvice;
  }

  /**
   * Downloads {@code file} to {@code destination}.
   *
   * @return the sha256 of the file now at {@code destination}
   * @throws HubDownloadException for an answer that retrying cannot fix, or when all attempts
   *     failed
   */
  String download(HubFile file, Path destination) throws IOException {
    Path part = destination.resolveSibling(destination.getFileName() + PART_SUFFIX);
    Files.createDirectories(destination.getParent());
    IOException last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) {
        pause(attempt - 1);
      }
      try {
        return attempt(file, destination, part);
      } catch (HubDownloadException e) {
        throw e;
      } catch (IOException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw e;
        }
        last = e;
      }
    }
    String kept =
        Files.isRegularFile(part)
            ? "; the "
                + Files.size(part)
                + " bytes received so far are kept in "
                + part
                + " and the next run resumes from there"
            : "";
    throw new HubDownloadException(
        HubDownloadException.Reason.TRANSFER_FAILED,
        "could not download "
            + file.describe()
            + " from "
            + file.uri()
            + " in "
            + attempts
            + (attempts == 1 ? " attempt" : " attempts")
            + " (last: "
            + explain(last)
            + ")"
            + kept,
        last);
  }

  private String attempt(HubFile file, Path destination, Path part) throws IOException {
    long have = Files.isRegularFile(part) ? Files.size(part) : 0;
    try (HubResponse response = open(file, have, part)) {
      int status = response.status();
      if (status == 416 && have > 0) {
        return completePart(file, destination, part, response, have);
      }
      if (status != 200 && status != 206) {
        throw failure(file, response);
      }
      long expected = response.announcedSize().orElse(-1);
      boolean append = false;
      if (status == 206) {
        Matcher range = contentRange(response);
        if (range == null || range.group(1) == null || Long.parseLong(range.group(1)) != have) {
          Files.deleteIfExists(part);
          throw new IOException(
              "asked for bytes "
                  + have
                  + "- of "
                  + file.path()
                  + " but got Content-Range "
                  + response.header("content-range")
                  + "; starting over");
        }
        append = have > 0;
        if (expected < 0 && !range.group(3).equals("*")) {
          expected = Long.parseLong(range.group(3));
        }
      } else {
        have = 0;
        if (expected < 0) {
          expected = response.contentLength().orElse(-1);
        }
      }
      MessageDigest digest = Sha256.newDigest();
      if (append) {
        Sha256.update(digest, part);
      }
      have = transfer(file, response, part, append, have, expected, digest);
      if (expected >= 0 && have < expected) {
        throw new IOException("the connection ended after " + have + " of " + expected + " bytes");
      }
      if (expected >= 0 && have > expected) {
        Files.deleteIfExists(part);
        throw new HubDownloadException(
            HubDownloadException.Reason.SIZE_MISMATCH,
            file.describe()
                + " from "
                + response.uri()
                + " sent more than the "
                + expected
                + " bytes announced; the partial file was deleted."
                + " Run again; if it repeats, a proxy between here and the hub may be altering the data");
      }
      String sha256 = Sha256.hex(digest.digest());
      verify(file, part, response, sha256, append);
      moveIntoPlace(part, destination);
      return sha256;
    }
  }

  /**
   * The server cannot serve bytes from {@code have} on: the part may already hold the whole file.
   */
  private String completePart(
      HubFile file, Path destination, Path part, HubResponse response, long have)
      throws IOException {
    Matcher range = contentRange(response);
    long total =
        response
            .announcedSize()
            .orElse(
                range != null && !range.group(3).equals("*") ? Long.parseLong(range.group(3)) : -1);
    if (total != have) {
      Files.deleteIfExists(part);
      throw new IOException(
          "the server cannot resume " + file.path() + " at byte " + have + " (416); starting over");
    }
    String sha256 = Sha256.of(part);
    verify(file, part, response, sha256, true);
    progress.note(file.path() + ": the part downloaded before is complete");
    moveIntoPlace(part, destination);
    return sha256;
  }

  /**
   * Checks the complete part against the checksum the hub announced: the sha256 of an LFS file, or
   * the git blob id of a regular one. A part that does not match, or has no checksum to match, is
   * deleted.
   *
   * @param sha256 the part's sha256
   * @param resumed whether the part was resumed from an earlier attempt: a mismatch then means the
   *     old part came from another version of the file, and the download starts over
   * @throws HubDownloadException when the hub announced no checksum, or a fresh download does not
   *     match it
   * @throws IOException to start over after a resumed part that does not match
   */
  private void verify(HubFile file, Path part, HubResponse response, String sha256, boolean resumed)
      throws IOException {
    String announcedSha256 = response.announcedSha256();
    String announcedBlobId = announcedSha256 == null ? response.announcedGitBlobId() : null;
    if (announcedSha256 == null && announcedBlobId == null) {
      Files.deleteIfExists(part);
      throw new HubDownloadException(
          HubDownloadException.Reason.UNVERIFIABLE,
          file.describe()
              + " came from "
              + response.uri()
              + " without a checksum (the hub announces an LFS file's sha256, or a regular"
              + " file's git blob id, as its ETag); the file was not kept."
              + " If HF_ENDPOINT points to a mirror or proxy, it has to pass the ETag and X-Linked-Etag headers on");
    }
    String kind = announcedSha256 != null ? "sha256" : "git blob id";
    String announced = announcedSha256 != null ? announcedSha256 : announcedBlobId;
    String actual = announcedSha256 != null ? sha256 : GitBlobId.of(part);
    if (announced.equals(actual)) {
      return;
    }
    Files.deleteIfExists(part);
    if (resumed) {
      throw new IOException(
          "the resumed "
              + file.path()
              + " has the wrong "
              + kind
              + " (the part on disk was probably from another version of the file); starting over");
    }
    throw new HubDownloadException(
        HubDownloadException.Reason.CHECKSUM_MISMATCH,
        file.describe()
            + " downloaded from "
            + response.uri()
            + " has "
            + kind
            + " "
            + actual
            + " but the hub announced "
            + announced
            + "; the damaged download was deleted."
            + " Run again to fetch it afresh; if it repeats, something between here and the hub alters the data");
  }

  private long transfer(
      HubFile file,
      HubResponse response,
      Path part,
      boolean append,
      long have,
      long expected,
      MessageDigest digest)
      throws IOException {
    if (have > 0) {
      progress.note(String.format(Locale.ROOT, "%s: resuming at %.1f MB", file.path(), have / 1e6));
    }
    progress.start(file.path(), have, expected);
    progress.update(have); // the bar shows before the first bytes arrive
    byte[] buffer = new byte[1 << 16];
    try (OutputStream out =
            append
                ? Files.newOutputStream(part, StandardOpenOption.APPEND)
                : Files.newOutputStream(
                    part,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        InputStream in = new IdleTimeoutInputStream(response.body(), readTimeout)) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        digest.update(buffer, 0, n);
        have += n;
        progress.update(have);
        if (expected >= 0 && have > expected) {
          break;
        }
      }
    } catch (IOException e) {
      progress.abort(
          String.format(Locale.ROOT, "transfer broke off at %.1f MB (%s)", have / 1e6, explain(e)));
      throw e;
    }
    progress.finish();
    return have;
  }

  private HubResponse open(HubFile file, long have, Path part) throws IOException {
    try {
      return client.get(file.uri(), have);
    } catch (HubClient.Unreachable e) {
      boolean hub = HubClient.sameOrigin(e.uri, file.uri());
      String where =
          hub
              ? "the Hugging Face hub at " + file.endpoint()
              : e.uri.getHost() + ", where the hub sent the download,";
      String kept =
          have > 0
              ? " The " + have + " bytes received so far are kept in " + part + " for the next run."
              : "";
      throw new HubDownloadException(
          HubDownloadException.Reason.UNREACHABLE,
          "could not reach "
              + where
              + " to download "
              + file.describe()
              + " ("
              + e.getMessage()
              + "). Check the network connection"
              + (hub ? " and HF_ENDPOINT" : "")
              + (offlineAdvice.isEmpty() ? "" : ", or " + offlineAdvice)
              + "."
              + kept,
          e);
    }
  }

  /** The exception for an answer that is neither the file nor a redirect. */
  private HubDownloadException failure(HubFile file, HubResponse response) throws IOException {
    int status = response.status();
    String code = response.header("x-error-code");
    String said = response.errorText();
    String hubSaid = said.isEmpty() ? "" : " (the hub said: " + said + ")";
    String page = file.endpoint().toString().replaceAll("/+$", "") + "/" + file.repo();
    switch (status) {
      case 401:
        return new HubDownloadException(
            HubDownloadException.Reason.UNAUTHORIZED,
            "the hub refused "
                + file.describe()
                + " with 401 Unauthorized"
                + hubSaid
                + ": "
                + (client.hasToken()
                    ? "the token in HF_TOKEN was not accepted; check that it is valid and may read "
                        + file.repo()
                    : "the repository is private or gated, or does not exist; set HF_TOKEN to an access token that may"
                        + " read it (create one at https://huggingface.co/settings/tokens), and check the repository id"));
      case 403:
        return new HubDownloadException(
            HubDownloadException.Reason.FORBIDDEN,
            "the hub refused "
                + file.describe()
                + " with 403 Forbidden"
                + hubSaid
                + ": the token in HF_TOKEN may not read "
                + file.repo()
                + "; if the model is gated, accept its conditions on "
                + page
                + " with the token's account"
                + (client.hasToken() ? "" : ", then set HF_TOKEN"));
      case 404:
        if ("RepoNotFound".equals(code)) {
          return new HubDownloadException(
              HubDownloadException.Reason.NOT_FOUND,
              "repository "
                  + file.repo()
                  + " was not found on "
                  + file.endpoint()
                  + hubSaid
                  + "; check the repository id (owner/name)"
                  + (client.hasToken() ? "" : ", or set HF_TOKEN if it is private"));
        }
        if ("RevisionNotFound".equals(code)) {
          return new HubDownloadException(
              HubDownloadException.Reason.NOT_FOUND,
              "revision "
                  + file.revision()
                  + " was not found in repository "
                  + file.repo()
                  + hubSaid
                  + "; check the revision (a branch, tag or commit)");
        }
        return HubDownloadException.missingFile(
            file.path()
                + " was not found in repository "
                + file.repo()
                + " at revision "
                + file.revision()
                + " (404 for "
                + file.uri()
                + ")"
                + hubSaid
                + "; check the repository id and revision");
      default:
        if (TRANSIENT_STATUS.contains(status)) {
          throw new IOException(
              "the hub answered HTTP " + status + " for " + response.uri() + hubSaid);
        }
        return new HubDownloadException(
            HubDownloadException.Reason.HTTP_ERROR,
            "the hub answered HTTP "
                + status
                + " for "
                + file.describe()
                + " ("
                + response.uri()
                + ")"
                + hubSaid);
    }
  }

  /** The messages of an exception and its causes, for a one-line reason. */
  static String explain(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      if (text.indexOf(message) < 0) {
        text.append(text.length() == 0 ? "" : ": ").append(message);
      }
    }
    return text.toString();
  }

  private static Matcher contentRange(HubResponse response) {
    String header = response.header("content-range");
    if (header == null) {
      return null;
    }
    Matcher m = CONTENT_RANGE.matcher(header.trim());
    return m.matches() ? m : null;
  }

  private static void moveIntoPlace(Path part, Path destination) throws IOException {
    try {
      Files.move(
          part, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(part, destination, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private void pause(int retry) throws InterruptedIOException {
    long millis =
        Math.min(MAX_PAUSE.toMillis(), retryBackoff.toMillis() << Math.min(retry - 1, 16));
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }
}
