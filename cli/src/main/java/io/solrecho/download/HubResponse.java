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

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * The final (non-redirect) answer to a GET, with its body still open, plus what the hub itself said
 * about the file on the way: {@code X-Linked-Etag}/{@code ETag} and {@code X-Linked-Size} are only
 * taken from answers of the hub's own origin, never from the CDN it redirects to (whose entity tags
 * are not sha256 digests).
 */
final class HubResponse implements Closeable {
  private static final int ERROR_TEXT_LIMIT = 2048;

  private final HttpResponse<InputStream> response;
  private final String hubEtag;
  private final OptionalLong hubSize;

  HubResponse(HttpResponse<InputStream> response, String hubEtag, OptionalLong hubSize) {
    this.response = response;
    this.hubEtag = hubEtag;
    this.hubSize = hubSize;
  }

  int status() {
    return response.statusCode();
  }

  URI uri() {
    return response.uri();
  }

  String header(String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  OptionalLong contentLength() {
    return response.headers().firstValueAsLong("content-length");
  }

  /**
   * The file's sha256 as announced by the hub, or null when the hub did not announce one (non-LFS
   * files).
   */
  String announcedSha256() {
    return Sha256.fromEtag(hubEtag);
  }

  /**
   * The git blob id the hub announced for a regular (non-LFS) file, or null: the only checksum the
   * hub has for such a file.
   */
  String announcedGitBlobId() {
    return GitBlobId.fromEtag(hubEtag);
  }

  /** The file's size as announced by the hub ({@code X-Linked-Size}), when it did. */
  OptionalLong announcedSize() {
    return hubSize;
  }

  InputStream body() {
    return response.body();
  }

  /**
   * The hub's explanation of an error answer: {@code X-Error-Message}, else the body's {@code
   * error} or text.
   */
  String errorText() {
    String header = header("x-error-message");
    if (header != null && !header.isBlank()) {
      return header.trim();
    }
    String text;
    try (InputStream in = response.body()) {
      text = new String(in.readNBytes(ERROR_TEXT_LIMIT), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return "";
    }
    if (text.startsWith("{")) {
      try {
        JsonObject json = JsonParser.parseString(text).getAsJsonObject();
        if (json.has("error") && json.get("error").isJsonPrimitive()) {
          return json.get("error").getAsString();
        }
      } catch (RuntimeException e) {
        // not JSON after all: use the text
      }
    }
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }

  @Override
  public void close() throws IOException {
    response.body().close();
  }
}
