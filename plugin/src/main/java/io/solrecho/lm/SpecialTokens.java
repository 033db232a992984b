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
 * A tokenizer's special tokens as transformers applies them to one text: the ids the post-processor
 * of {@code tokenizer.json} puts before and after the text's own tokens (Qwen3-Embedding appends
 * {@code <|endoftext|>}, Llama-style tokenizers put BOS first), and the ids its configuration names
 * special ({@code all_special_ids}). Immutable.
 */
public final class SpecialTokens {
  private final int[] before;
  private final int[] after;
  private final int[] special;

  SpecialTokens(int[] before, int[] after, int[] special) {
    this.before = before.clone();
    this.after = after.clone();
    this.special = special.clone();
    Arrays.sort(this.special);
  }

  /** The ids put before the text's tokens. */
  public int[] before() {
    return before.clone();
  }

  /** The ids put after the text's tokens. */
  public int[] after() {
    return after.clone();
  }

  /** How many ids the post-processor adds to one text. */
  public int added() {
    return before.length + after.length;
  }

  /** The ids of {@code text} with the post-processor's ids around them. */
  public int[] around(int[] text) {
    int[] ids = new int[added() + text.length];
    System.arraycopy(before, 0, ids, 0, before.length);
    System.arraycopy(text, 0, ids, before.length, text.length);
    System.arraycopy(after, 0, ids, before.length + text.length, after.length);
    return ids;
  }

  /** Whether the tokenizer's configuration names {@code id} a special token. */
  public boolean isSpecial(int id) {
    return Arrays.binarySearch(special, id) >= 0;
  }

  @Override
  public String toString() {
    return "before=" + Arrays.toString(before) + " after=" + Arrays.toString(after);
  }
}
