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
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * Turns texts into the token ids of one {@link PromptTemplate} and the positions to pool over,
 * following the encoding part of {@link EmbeddingSettings} (span convention, tokens per copy, BOS).
 * Thread-safe; the literal pieces are tokenized once, here.
 *
 * <p>With {@link SpanConvention#PIECES} (what the reference {@code EchoParser} does) each literal
 * piece and the text are tokenized on their own and concatenated; the text is tokenized once and
 * its ids reused for every copy; the pooled range is the last copy. With {@link
 * SpanConvention#OFFSETS} the whole prompt is tokenized once and the pooled range holds the tokens
 * whose characters intersect the last copy (usually including the space before it). For {@link
 * EmbeddingMode#PROMPTEOL} the pooled range is the last token of the prompt.
 *
 * <p>A text longer than {@link EmbeddingSettings#maxTokensPerCopy()} tokens is cut to its first
 * ones, identically in every copy, and the prompt is marked truncated; literal pieces are never
 * cut. With offsets the text is cut at the character end of its last kept token (tokenized on its
 * own), and the prompt is built from that. Only a bounded prefix of a huge text is ever tokenized
 * (see {@link TextTokenizer#encodeHead}). No BOS or EOS token is added unless the template writes
 * it or {@link EmbeddingSettings#addBos()} is set.
 */
public final class PromptEncoder implements TextEncoder {
  private final TextTokenizer tokenizer;
  private final PromptTemplate template;
  private final SpanConvention spanConvention;
  private final int maxTokensPerCopy;
  private final OptionalInt bosTokenId;

  /** Ids of the literal pieces of each gap of the template (used by the pieces convention). */
  private final int[][] gapIds;

  /**
   * An encoder of {@code template} following {@code settings}' span convention, tokens per copy and
   * BOS choice; tokenizes its literal pieces with {@code tokenizer} now.
   *
   * @throws IllegalArgumentException when the settings add a BOS token the tokenizer does not
   *     declare
   */
  public PromptEncoder(
      TextTokenizer tokenizer, PromptTemplate template, EmbeddingSettings settings) {
    if (tokenizer == null || template == null || settings == null) {
      throw new IllegalArgumentException("tokenizer, template and settings must not be null");
    }
    this.tokenizer = tokenizer;
    this.template = template;
    this.spanConvention = settings.spanConvention();
    this.maxTokensPerCopy = settings.maxTokensPerCopy();
    this.bosTokenId = settings.addBos() ? OptionalInt.of(bosOf(tokenizer)) : OptionalInt.empty();
    this.gapIds = new int[template.mode().textCopies() + 1][];
    for (int gap = 0; gap < gapIds.length; gap++) {
      gapIds[gap] = tokenizeOnTheirOwn(template.literalPieces(gap));
    }
  }

  /**
   * Token ids every prompt of this encoder very likely starts with: the optional BOS and the
   * literal pieces before the first copy of the text (with offsets, without their last token, which
   * may merge with the text). Callers must still compare: the model reuses only what matches.
   */
  @Override
  public int[] constantPrefix() {
    int[] literal = gapIds[0];
    if (spanConvention == SpanConvention.OFFSETS) {
      literal = tokenizer.encode(String.join("", template.literalPieces(0))).ids();
      literal = Arrays.copyOf(literal, Math.max(0, literal.length - 1));
    }
    int bos = bosCount();
    int[] ids = new int[bos + literal.length];
    if (bos > 0) {
      ids[0] = bosTokenId.getAsInt();
    }
    System.arraycopy(literal, 0, ids, bos, literal.length);
    return ids;
  }

  /** {@code maxTokens}: the tokens kept of each copy of the text. */
  @Override
  public int textTokenLimit() {
    return maxTokensPerCopy;
  }

  /** The template this encoder fills in. */
  public PromptTemplate template() {
    return template;
  }

  private static int bosOf(TextTokenizer tokenizer) {
    return tokenizer
        .bosTokenId()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "addBos: the model in "
                        + tokenizer.folder()
                        + " declares no BOS token (tokenizer_config.json bos_token"
                        + " or config.json bos_token_id); write it in the template instead"));
  }

  /**
   * The prompt of {@code text}. Control characters other than tab, line feed and carriage return
   * are read as spaces and lone surrogates as U+FFFD.
   *
   * @throws IllegalArgumentException when {@code text} is null, empty or only whitespace
   */
  @Override
  public EncodedPrompt encode(String text) {
    String cleaned = TextSanitizer.sanitize(text);
    TokenizedText copy = tokenizer.encodeHead(cleaned, maxTokensPerCopy);
    if (copy.size() == 0) {
      throw new IllegalArgumentException("text gives no tokens: there is nothing to embed");
    }
    return spanConvention == SpanConvention.PIECES
        ? joinPieces(copy)
        : tokenizeWholePrompt(cleaned, copy);
  }

  private EncodedPrompt joinPieces(TokenizedText copy) {
    int[] copyIds = copy.ids();
    int length = bosCount() + copyIds.length * (gapIds.length - 1);
    for (int[] ids : gapIds) {
      length += ids.length;
    }
    int[] ids = new int[length];
    int next = 0;
    if (bosTokenId.isPresent()) {
      ids[next++] = bosTokenId.getAsInt();
    }
    int pooledStart = 0;
    for (int gap = 0; gap < gapIds.length; gap++) {
      if (gap > 0) {
        pooledStart = next;
        System.arraycopy(copyIds, 0, ids, next, copyIds.length);
        next += copyIds.length;
      }
      System.arraycopy(gapIds[gap], 0, ids, next, gapIds[gap].length);
      next += gapIds[gap].length;
    }
    return pooled(ids, pooledStart, pooledStart + copyIds.length, copy.truncated());
  }

  private EncodedPrompt tokenizeWholePrompt(String text, TokenizedText copy) {
    String kept = copy.truncated() ? text.substring(0, copy.charEnd(copy.size() - 1)) : text;
    int copyStart = template.pooledCopyStart(kept);
    int copyEnd = copyStart + kept.length();
    TokenizedText prompt = tokenizer.encode(template.render(kept));
    int first = 0;
    while (first < prompt.size() && prompt.charEnd(first) <= copyStart) {
      first++;
    }
    int end = first;
    while (end < prompt.size() && prompt.charStart(end) < copyEnd) {
      end++;
    }
    int bos = bosCount();
    int[] ids = new int[bos + prompt.size()];
    if (bos > 0) {
      ids[0] = bosTokenId.getAsInt();
    }
    for (int i = 0; i < prompt.size(); i++) {
      ids[bos + i] = prompt.id(i);
    }
    return pooled(ids, bos + first, bos + end, copy.truncated());
  }

  private EncodedPrompt pooled(int[] ids, int copyStart, int copyEnd, boolean truncated) {
    return template.mode().poolsLastPromptToken()
        ? new EncodedPrompt(ids, ids.length - 1, ids.length, truncated)
        : new EncodedPrompt(ids, copyStart, copyEnd, truncated);
  }

  private int bosCount() {
    return bosTokenId.isPresent() ? 1 : 0;
  }

  private int[] tokenizeOnTheirOwn(List<String> pieces) {
    return pieces.stream()
        .flatMapToInt(piece -> Arrays.stream(tokenizer.encode(piece).ids()))
        .toArray();
  }
}
