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

import java.io.IOException;

/**
 * Why a download from the Hugging Face hub stopped. The message says what was wrong, for which
 * file, and what to do about it; {@link #reason()} lets callers react to the kind of failure.
 */
public final class HubDownloadException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The kinds of failure. */
  public enum Reason {
    /**
     * The hub (or the host it redirected to) could not be connected to: offline, wrong HF_ENDPOINT,
     * DNS.
     */
    UNREACHABLE,
    /**
     * 401: the repository is private, gated or missing, and no token or an invalid one was sent.
     */
    UNAUTHORIZED,
    /**
     * 403: the token may not read the repository (typically a gated model whose conditions were not
     * accepted).
     */
    FORBIDDEN,
    /** 404: the repository, the revision or the file does not exist. */
    NOT_FOUND,
    /**
     * The downloaded bytes do not have the checksum the hub announced (an LFS file's sha256, a
     * regular file's git blob id).
     */
    CHECKSUM_MISMATCH,
    /** The hub announced no checksum for the file, so it could not be checked and was not kept. */
    UNVERIFIABLE,
    /** The downloaded file is larger than the hub announced. */
    SIZE_MISMATCH,
    /**
     * The repository's {@code model.safetensors.index.json} is not usable (not JSON, no weight_map,
     * bad shard names).
     */
    INVALID_INDEX,
    /**
     * The transfer kept breaking off (or stalling) after all attempts; the part downloaded so far
     * is kept.
     */
    TRANSFER_FAILED,
    /** Any other answer the hub should not give. */
    HTTP_ERROR
  }

  private final Reason reason;
  private final boolean missingFile;

  HubDownloadException(Reason reason, String message) {
    this(reason, message, null, false);
  }

  HubDownloadException(Reason reason, String message, Throwable cause) {
    this(reason, message, cause, false);
  }

  private HubDownloadException(
      Reason reason, String message, Throwable cause, boolean missingFile) {
    super(message, cause);
    this.reason = reason;
    this.missingFile = missingFile;
  }

  /** A 404 for one file of a repository and revision that do exist. */
  static HubDownloadException missingFile(String message) {
    return new HubDownloadException(Reason.NOT_FOUND, message, null, true);
  }

  public Reason reason() {
    return reason;
  }

  /**
   * Why, without the advice: for {@link Reason#UNREACHABLE} why no connection could be made (such
   * as "cannot resolve host huggingface.co"), for other reasons the message.
   */
  public String why() {
    Throwable cause = getCause();
    return reason == Reason.UNREACHABLE && cause != null && cause.getMessage() != null
        ? cause.getMessage()
        : getMessage();
  }

  /** True when only the file is missing, so an optional file may be skipped. */
  boolean isMissingFile() {
    return missingFile;
  }
}
