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
import java.net.URI;
import java.nio.file.Path;

/**
 * One download run of files of one repository at one revision into one folder: each file is
 * downloaded and verified ({@link ResumableDownload}) unless the folder's manifest ({@link
 * VerifiedFiles}) shows it verified before, in which case no request is made.
 */
final class RepositorySnapshot {
  private final HubFile.Kind kind;
  private final URI endpoint;
  private final String repo;
  private final String revision;
  private final Path folder;
  private final VerifiedFiles verified;
  private final ProgressBar bar;
  private final ResumableDownload transfer;

  RepositorySnapshot(
      HubFile.Kind kind,
      URI endpoint,
      String repo,
      String revision,
      Path folder,
      ProgressBar bar,
      ResumableDownload transfer)
      throws IOException {
    this.kind = kind;
    this.endpoint = endpoint;
    this.repo = repo;
    this.revision = revision;
    this.folder = folder;
    this.verified = VerifiedFiles.open(folder, repo, revision);
    this.bar = bar;
    this.transfer = transfer;
  }

  /**
   * Makes sure {@code name} is in the folder; returns false for an optional file the repository
   * lacks.
   */
  boolean fetch(String name, boolean required) throws IOException {
    if (verified.isVerified(name)) {
      bar.note(name + ": already downloaded and verified");
      return true;
    }
    if (!required && verified.isAbsent(name)) {
      return false;
    }
    String sha256;
    try {
      sha256 =
          transfer.download(
              new HubFile(endpoint, kind, repo, revision, name), folder.resolve(name));
    } catch (HubDownloadException e) {
      if (!required && e.isMissingFile()) {
        verified.recordAbsent(name);
        return false;
      }
      throw e;
    }
    verified.recordVerified(name, sha256);
    return true;
  }
}
