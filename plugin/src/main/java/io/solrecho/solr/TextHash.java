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
package io.solrecho.solr;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * What identifies the text a vector was made from, stored beside it ({@code textHashField}): the
 * SHA-256 of the text (its UTF-16 units) exactly as it was given to the model (the input fields
 * joined by the separator, or a passage), base64url without padding. With the model fingerprint it
 * decides whether a stored vector is the vector of a text.
 */
final class TextHash {
  private TextHash() {}

  /** The hash of {@code text}'s UTF-16 units (so that lone surrogates count as they are). */
  static String of(String text) {
    byte[] units = new byte[text.length() * 2];
    for (int i = 0; i < text.length(); i++) {
      units[2 * i] = (byte) (text.charAt(i) >> 8);
      units[2 * i + 1] = (byte) text.charAt(i);
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(units);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
