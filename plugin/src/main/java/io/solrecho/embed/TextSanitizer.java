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

/**
 * Checks and cleans a text before it is embedded, the same way every time: {@code null} and empty
 * or whitespace-only texts are rejected (they would give a meaningless vector), and control
 * characters other than tab, line feed and carriage return become a space. Lone surrogates are left
 * to {@link io.solrecho.lm.TextTokenizer}, which reads them as U+FFFD. Each replacement is one
 * {@code char} for one, so indices into the cleaned text are indices into the original.
 */
final class TextSanitizer {
  private TextSanitizer() {}

  /** The cleaned text; throws {@link IllegalArgumentException} when there is nothing to embed. */
  static String sanitize(String text) {
    if (text == null) {
      throw new IllegalArgumentException("text must not be null");
    }
    String cleaned = withoutControlCharacters(text);
    if (isBlank(cleaned)) {
      throw new IllegalArgumentException(
          "text is empty or only whitespace ("
              + text.length()
              + " chars): there is nothing to embed");
    }
    return cleaned;
  }

  private static String withoutControlCharacters(String text) {
    char[] chars = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
        if (chars == null) {
          chars = text.toCharArray();
        }
        chars[i] = ' ';
      }
    }
    return chars == null ? text : new String(chars);
  }

  private static boolean isBlank(String text) {
    return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
  }
}
