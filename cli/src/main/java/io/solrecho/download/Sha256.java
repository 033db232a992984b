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
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.regex.Pattern;

/** SHA-256 digests as the hub writes them: 64 lower-case hex digits. */
final class Sha256 {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  private Sha256() {}

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no SHA-256", e);
    }
  }

  /** Adds the whole content of {@code file} to {@code digest}. */
  static void update(MessageDigest digest, Path file) throws IOException {
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        digest.update(buffer, 0, n);
      }
    }
  }

  static String of(Path file) throws IOException {
    MessageDigest digest = newDigest();
    update(digest, file);
    return hex(digest.digest());
  }

  static String hex(byte[] bytes) {
    StringBuilder text = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      text.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return text.toString();
  }

  /**
   * The sha256 an HTTP entity tag stands for, or null: the hub's etag of an LFS file is its sha256
   * in quotes (possibly weak, {@code W/"..."}); other files carry a git blob id, which is not a
   * sha256.
   */
  static String fromEtag(String etag) {
    String value = etagValue(etag);
    return value != null && HEX64.matcher(value).matches() ? value : null;
  }

  /** An entity tag without its weak marker and quotes, in lower case; null for null. */
  static String etagValue(String etag) {
    if (etag == null) {
      return null;
    }
    String value = etag.trim();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    return value.toLowerCase(Locale.ROOT);
  }
}
