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
package io.solrecho.embed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A stable identity of "how vectors are made": a hash of the model's config.json, the digest of its
 * weights' content (names, dtypes, shapes and sampled bytes of every tensor, see {@code
 * CausalLanguageModel.weightsDigest()}) and every embedding setting (mode, templates, pooling,
 * ...). Vectors with different fingerprints are not comparable; the Solr layer stores it beside
 * them.
 */
final class ModelFingerprint {
  private ModelFingerprint() {}

  /** The first 16 hex digits of SHA-256 over the three parts. */
  static String of(String configJson, String weightsDigest, String settings) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {configJson, weightsDigest, settings}) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
