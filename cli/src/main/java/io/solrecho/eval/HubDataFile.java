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

import java.util.regex.Pattern;

/**
 * One file of a dataset repository on the Hugging Face hub at a pinned revision, e.g. {@code
 * test.jsonl.gz} of {@code mteb/sts12-sts} at commit {@code a0d554a...}. A commit pins the content:
 * the file read is the file the evaluation was written for.
 *
 * @param repo the dataset repository, {@code owner/name}
 * @param revision the commit, 40 hex digits
 * @param path the file's path inside the repository
 */
public record HubDataFile(String repo, String revision, String path) {
  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

  public HubDataFile {
    if (repo == null || !repo.matches("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException("repo must look like owner/name, got '" + repo + "'");
    }
    if (revision == null || !COMMIT.matcher(revision).matches()) {
      throw new IllegalArgumentException(
          "revision must be a commit (40 hex digits) so that the data cannot change, got '"
              + revision
              + "'");
    }
    if (path == null || path.isBlank() || path.startsWith("/") || path.contains("..")) {
      throw new IllegalArgumentException(
          "path must be a file inside the repository, got '" + path + "'");
    }
  }

  /** The file's name, the last segment of its path. */
  public String fileName() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** "mteb/sts12-sts test.jsonl.gz @ a0d554a", for reports and messages. */
  public String describe() {
    return repo + " " + path + " @ " + revision.substring(0, 7);
  }
}
