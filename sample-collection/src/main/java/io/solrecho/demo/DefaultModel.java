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
package io.solrecho.demo;

import io.solrecho.download.HubDownloadException;
import io.solrecho.download.HubDownloader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The model the demo uses when none is given: {@value #REPO_ID}, downloaded once from the Hugging
 * Face hub into {@code models/}{@value #FOLDER} of the checkout and read from there afterwards.
 */
final class DefaultModel {
  static final String REPO_ID = "HuggingFaceTB/SmolLM2-135M-Instruct";
  static final String REVISION = HubDownloader.DEFAULT_REVISION;
  static final String FOLDER = "SmolLM2-135M-Instruct";

  private DefaultModel() {}

  /** Where the default model lives under {@code models}. */
  static Path folder(Path models) {
    return models.resolve(FOLDER);
  }

  /**
   * A complete model folder: config.json, tokenizer.json and the weights, and no part of a download
   * still under way.
   */
  static boolean isComplete(Path folder) throws IOException {
    if (!Files.isRegularFile(folder.resolve("config.json"))
        || !Files.isRegularFile(folder.resolve("tokenizer.json"))
        || !(Files.isRegularFile(folder.resolve("model.safetensors"))
            || Files.isRegularFile(folder.resolve("model.safetensors.index.json")))) {
      return false;
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.noneMatch(f -> f.getFileName().toString().endsWith(".incomplete"));
    }
  }

  /**
   * The default model's folder under {@code models}, downloaded (or the download resumed) first
   * when it is not complete.
   *
   * @throws ModelUnavailableException when it cannot be downloaded; the message says why and how to
   *     pass a model folder instead
   */
  static Path ensure(Path models, HubDownloader downloader) throws IOException {
    Path folder = folder(models);
    if (isComplete(folder)) {
      return folder;
    }
    try {
      return downloader.downloadModel(REPO_ID, REVISION, folder);
    } catch (HubDownloadException e) {
      String missing = "the demo's default model " + REPO_ID + " is not in " + folder;
      if (e.reason() == HubDownloadException.Reason.UNREACHABLE) {
        throw new ModelUnavailableException(
            missing
                + " and the Hugging Face hub at "
                + downloader.endpoint()
                + " cannot be reached ("
                + e.why()
                + ").\n"
                + "To run the demo without network, pass a model folder: bin/solr-echo demo --model DIR\n"
                + "  (config.json, tokenizer.json and the .safetensors weights, as downloaded from the hub),"
                + " or copy "
                + REPO_ID
                + " into "
                + folder
                + ".",
            e);
      }
      throw new ModelUnavailableException(
          missing
              + " and could not be downloaded from "
              + downloader.endpoint()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** The default model is missing and cannot be downloaded. */
  static final class ModelUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    ModelUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
