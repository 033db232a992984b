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
package io.solrecho.lm;

import java.util.Arrays;

/**
 * The tokens of one text: their ids and, for each token, the {@code [start, end)} range of Java
 * {@code char} (UTF-16) indices it covers in that text.
 *
 * <p>Ranges follow the Hugging Face tokenizers: a token that holds only some bytes of a character
 * (an emoji split into two byte-level tokens, say) covers that whole character, so neighbouring
 * ranges can overlap. {@link #truncated()} tells whether the text had more tokens than these.
 */
public final class TokenizedText {
  private final int[] ids;
  private final int[] starts;
  private final int[] ends;
  private final boolean truncated;

  TokenizedText(int[] ids, int[] starts, int[] ends, boolean truncated) {
    if (starts.length != ids.length || ends.length != ids.length) {
      throw new IllegalArgumentException(
          "tokenized text: "
              + ids.length
              + " ids but "
              + starts.length
              + " starts and "
              + ends.length
              + " ends");
    }
    this.ids = ids;
    this.starts = starts;
    this.ends = ends;
    this.truncated = truncated;
  }

  /** Number of tokens. */
  public int size() {
    return ids.length;
  }

  /** The id of token {@code i}. */
  public int id(int i) {
    return ids[i];
  }

  /** A copy of all token ids, in order. */
  public int[] ids() {
    return ids.clone();
  }

  /** First UTF-16 index of the text that token {@code i} covers. */
  public int charStart(int i) {
    return starts[i];
  }

  /** UTF-16 index just after the last character that token {@code i} covers. */
  public int charEnd(int i) {
    return ends[i];
  }

  /** True when the text had more tokens than these: they are only its first ones. */
  public boolean truncated() {
    return truncated;
  }

  /** The first {@code count} tokens, marked truncated. */
  TokenizedText firstTokens(int count) {
    return new TokenizedText(
        Arrays.copyOf(ids, count), Arrays.copyOf(starts, count), Arrays.copyOf(ends, count), true);
  }

  @Override
  public String toString() {
    return "TokenizedText" + Arrays.toString(ids) + (truncated ? " (truncated)" : "");
  }
}
