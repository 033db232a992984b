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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * Git blob ids: the SHA-1 of {@code "blob <size>\0"} followed by the content, in 40 lower-case hex
 * digits. The hub sends a regular (non-LFS) file's blob id as its entity tag, the only checksum it
 * has for such a file.
 */
final class GitBlobId {
  private static final Pattern HEX40 = Pattern.compile("[0-9a-f]{40}");

  private GitBlobId() {}

  /** The blob id of {@code file}'s content. */
  static String of(Path file) throws IOException {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no SHA-1", e);
    }
    sha1.update(("blob " + Files.size(file) + "\0").getBytes(StandardCharsets.US_ASCII));
    Sha256.update(sha1, file);
    return Sha256.hex(sha1.digest());
  }

  /** The blob id an HTTP entity tag stands for, or null when it is not one. */
  static String fromEtag(String etag) {
    String value = Sha256.etagValue(etag);
    return value != null && HEX40.matcher(value).matches() ? value : null;
  }
}
