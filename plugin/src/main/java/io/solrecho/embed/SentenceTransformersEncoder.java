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

import io.solrecho.lm.SpecialTokens;
import io.solrecho.lm.TextTokenizer;
import io.solrecho.lm.TokenizedText;
import java.util.Arrays;

/**
 * Encodes texts as sentence-transformers' text path does ({@code
 * SentenceTransformer(folder).encode(texts, prompt_name=...)}): the prompt is put before the text,
 * the whole string is tokenized, cut to the length limit less the special tokens, and the
 * tokenizer's post-processor tokens go around it (the appended end token survives the cut).
 * Last-token pooling pools the last token; mean pooling pools every token, or, when the folder
 * excludes the prompt ({@code include_prompt: false}), those after the prompt's length as
 * sentence-transformers measures it: the prompt tokenized alone with its special tokens, less a
 * trailing one that the tokenizer configuration names special. An empty prompt is no prompt.
 *
 * <p>Control characters of the text become spaces first (see {@link TextSanitizer}), the one
 * departure from sentence-transformers.
 */
final class SentenceTransformersEncoder implements TextEncoder {
  private final TextTokenizer tokenizer;
  private final SpecialTokens special;
  private final String prompt;
  private final Pooling pooling;
  private final int maxTokens;

  /** First pooled position for mean pooling: 0, or the prompt's length without its tokens. */
  private final int meanStart;

  /**
   * @param maxTokens the most tokens of a sequence, prompt and special tokens included
   * @throws IllegalArgumentException when {@code maxTokens} leaves no room for the special tokens
   */
  SentenceTransformersEncoder(
      TextTokenizer tokenizer,
      String prompt,
      Pooling pooling,
      boolean includePrompt,
      int maxTokens) {
    this.tokenizer = tokenizer;
    this.special = tokenizer.specialTokens();
    this.prompt = prompt;
    this.pooling = pooling;
    this.maxTokens = maxTokens;
    if (maxTokens <= special.added()) {
      throw new IllegalArgumentException(
          "maxTokens: "
              + maxTokens
              + " leaves no room for a text beside the "
              + special.added()
              + " special tokens the tokenizer of "
              + tokenizer.folder()
              + " adds");
    }
    this.meanStart = includePrompt || prompt.isEmpty() ? 0 : promptLength();
  }

  @Override
  public EncodedPrompt encode(String text) {
    String cleaned = TextSanitizer.sanitize(text);
    TokenizedText tokens = tokenizer.encodeHead(prompt + cleaned, maxTokens - special.added());
    int[] ids = special.around(tokens.ids());
    int start = pooling == Pooling.LAST ? ids.length - 1 : meanStart;
    if (start >= ids.length) {
      throw new IllegalArgumentException(
          "text: the prompt fills all "
              + ids.length
              + " tokens (maxTokens "
              + maxTokens
              + "), none is left to pool");
    }
    return new EncodedPrompt(ids, start, ids.length, tokens.truncated());
  }

  /** The special tokens before the text and the prompt's tokens but its last (it may merge). */
  @Override
  public int[] constantPrefix() {
    int[] promptIds = prompt.isEmpty() ? new int[0] : tokenizer.encode(prompt).ids();
    int[] before = special.before();
    int kept = Math.max(0, promptIds.length - 1);
    int[] ids = Arrays.copyOf(before, before.length + kept);
    System.arraycopy(promptIds, 0, ids, before.length, kept);
    return ids;
  }

  /** The limit less the special tokens and the prompt's own tokens. */
  @Override
  public int textTokenLimit() {
    int promptTokens = prompt.isEmpty() ? 0 : tokenizer.encode(prompt).size();
    return Math.max(0, maxTokens - special.added() - promptTokens);
  }

  private int promptLength() {
    int[] ids = special.around(tokenizer.encodeHead(prompt, maxTokens - special.added()).ids());
    return special.isSpecial(ids[ids.length - 1]) ? ids.length - 1 : ids.length;
  }
}
