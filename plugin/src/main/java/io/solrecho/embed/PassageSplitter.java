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

import io.solrecho.lm.TextTokenizer;
import io.solrecho.lm.TokenizedText;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a long text into passages of at most {@code maxTokens} tokens of the model's tokenizer, each
 * overlapping the one before by up to {@code overlap} tokens, so that every part of the text can be
 * embedded without truncation. Thread-safe.
 *
 * <p>The text is tokenized once. A passage ends at a token boundary: the last sentence end (a
 * {@link BreakIterator} sentence boundary or a line break) in the second half of its budget if
 * there is one, else the last word boundary there, else after exactly {@code maxTokens} tokens. The
 * next passage starts at the first sentence start (else word start) within the last {@code overlap}
 * tokens of the one before, else exactly {@code overlap} tokens back. Passages are trimmed of
 * surrounding whitespace; one of only whitespace is left out. A passage whose text, tokenized on
 * its own, has more than {@code maxTokens} tokens (a cut inside a word may tokenize differently) is
 * shortened token by token until it fits.
 *
 * <p>Offsets are UTF-16 indices of the text (the tokenizer's code-point spans converted by {@link
 * TextTokenizer}), so {@code text.substring(start, end)} is the passage. Control characters are
 * read as spaces, as {@link PromptEncoder} reads them; the passages are cut from the text as given.
 */
public final class PassageSplitter {
  private final TextTokenizer tokenizer;
  private final int maxTokens;
  private final int overlap;
  private final int maxPassages;

  /**
   * @param maxTokens the most tokens of a passage, at least 1
   * @param overlap tokens a passage may share with the one before, from 0 to {@code maxTokens - 1}
   * @param maxPassages the most passages of one text (only the beginning of a longer text is cut)
   */
  public PassageSplitter(TextTokenizer tokenizer, int maxTokens, int overlap, int maxPassages) {
    if (tokenizer == null) {
      throw new IllegalArgumentException("tokenizer must not be null");
    }
    WholeNumber.atLeast("maxTokens", maxTokens, 1);
    if (overlap < 0 || overlap >= maxTokens) {
      throw new IllegalArgumentException(
          "overlap must be between 0 and maxTokens - 1 = " + (maxTokens - 1) + ", got " + overlap);
    }
    WholeNumber.atLeast("maxPassages", maxPassages, 1);
    this.tokenizer = tokenizer;
    this.maxTokens = maxTokens;
    this.overlap = overlap;
    this.maxPassages = maxPassages;
  }

  /** The passages of one text, in order, and whether they leave the end of the text out. */
  public record Passages(List<Passage> passages, boolean truncated) {
    public Passages {
      passages = List.copyOf(passages);
    }
  }

  /**
   * The passages of {@code text}.
   *
   * @throws IllegalArgumentException for null, empty or whitespace-only text (as {@link
   *     PromptEncoder#encode} refuses it)
   */
  public Passages split(String text) {
    String cleaned = TextSanitizer.sanitize(text);
    TokenizedText tokens =
        tokenizer.encodeHead(
            cleaned, (int) Math.min(Integer.MAX_VALUE, (long) maxPassages * maxTokens));
    int n = tokens.size();
    Boundaries boundaries = new Boundaries(cleaned, tokens);
    List<Passage> passages = new ArrayList<>();
    int start = 0;
    int end = 0;
    while (start < n && passages.size() < maxPassages) {
      end = n - start <= maxTokens ? n : cut(boundaries, start, n);
      Passage passage = null;
      while (end > start) {
        passage = passage(text, tokens.charStart(start), tokens.charEnd(end - 1));
        if (passage == null || passage.tokens() <= maxTokens || end == start + 1) {
          break;
        }
        end--;
      }
      if (passage != null) {
        passages.add(passage);
      }
      if (end == n) {
        break;
      }
      start = nextStart(boundaries, start, end);
    }
    return new Passages(passages, end < n || tokens.truncated());
  }

  /** Where the passage that starts at token {@code start} ends, when the text goes on beyond it. */
  private int cut(Boundaries boundaries, int start, int n) {
    int last = Math.min(n, start + maxTokens);
    int first = start + Math.max(overlap + 1, maxTokens / 2);
    for (int t = last; t >= first; t--) {
      if (boundaries.sentence[t]) {
        return t;
      }
    }
    for (int t = last; t >= first; t--) {
      if (boundaries.word[t]) {
        return t;
      }
    }
    return last;
  }

  /** Where the passage after the one of tokens {@code [start, end)} starts. */
  private int nextStart(Boundaries boundaries, int start, int end) {
    int first = Math.max(start + 1, end - overlap);
    for (int t = first; t < end; t++) {
      if (boundaries.sentence[t]) {
        return t;
      }
    }
    for (int t = first; t < end; t++) {
      if (boundaries.word[t]) {
        return t;
      }
    }
    return first;
  }

  /** The trimmed passage {@code text[from, to)}, or null when it is only whitespace. */
  private Passage passage(String text, int from, int to) {
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    if (from == to) {
      return null;
    }
    String passage = text.substring(from, to);
    return new Passage(passage, from, to, tokenizer.encode(passage).size());
  }

  /**
   * The token boundaries of a text where a passage is best cut: {@code sentence[t]} and {@code
   * word[t]} tell whether token {@code t} starts a sentence or a word.
   */
  private static final class Boundaries {
    final boolean[] sentence;
    final boolean[] word;

    Boundaries(String text, TokenizedText tokens) {
      int n = tokens.size();
      sentence = new boolean[n + 1];
      word = new boolean[n + 1];
      int covered = n == 0 ? 0 : tokens.charEnd(n - 1);
      BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
      sentences.setText(text.substring(0, covered));
      for (int b = sentences.next(); b != BreakIterator.DONE && b < covered; b = sentences.next()) {
        int end = b;
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
          end--;
        }
        int t = firstTokenFrom(tokens, end);
        if (t > 0 && t < n) {
          sentence[t] = true;
        }
      }
      for (int t = 1; t < n; t++) {
        int from = tokens.charStart(t);
        int previousEnd = tokens.charEnd(t - 1);
        if (previousEnd > 0 && text.charAt(previousEnd - 1) == '\n') {
          sentence[t] = true;
        }
        word[t] =
            sentence[t]
                || Character.isWhitespace(text.charAt(from))
                || (from > 0 && Character.isWhitespace(text.charAt(from - 1)));
      }
    }

    /** The first token that starts at or after UTF-16 index {@code index}; n when none does. */
    private static int firstTokenFrom(TokenizedText tokens, int index) {
      int low = 0;
      int high = tokens.size();
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (tokens.charStart(mid) < index) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return low;
    }
  }
}
