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

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One file of a model or dataset repository at a revision on a hub endpoint, and its download
 * address {@code {endpoint}/{repo}/resolve/{revision}/{path}} for a model, {@code
 * {endpoint}/datasets/{repo}/resolve/{revision}/{path}} for a dataset (the revision and each path
 * segment percent-encoded, so that a revision like {@code refs/pr/1} stays one segment).
 */
record HubFile(URI endpoint, Kind kind, String repo, String revision, String path) {

  /** The kinds of repository, each with its place in the hub's addresses. */
  enum Kind {
    MODEL("", ""),
    DATASET("datasets/", "dataset ");

    private final String urlPrefix;
    private final String label;

    Kind(String urlPrefix, String label) {
      this.urlPrefix = urlPrefix;
      this.label = label;
    }
  }

  URI uri() {
    StringBuilder encodedPath = new StringBuilder();
    for (String segment : path.split("/")) {
      if (encodedPath.length() > 0) {
        encodedPath.append('/');
      }
      encodedPath.append(encode(segment));
    }
    String base = endpoint.toString().replaceAll("/+$", "");
    return URI.create(
        base + "/" + kind.urlPrefix + repo + "/resolve/" + encode(revision) + "/" + encodedPath);
  }

  /**
   * "tokenizer.json of owner/name at revision main" or "test.tsv of dataset owner/name at revision
   * main", for messages.
   */
  String describe() {
    return path + " of " + kind.label + repo + " at revision " + revision;
  }

  /** Percent-encodes everything but RFC 3986's unreserved characters. */
  static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xf, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
