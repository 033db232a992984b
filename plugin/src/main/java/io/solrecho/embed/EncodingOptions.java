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

import java.util.OptionalInt;

/**
 * How {@link PromptEncoder} turns a prompt into token ids: the {@link SpanConvention}, the most
 * tokens of the text kept in each copy, and an optional BOS token put first. Immutable; build it
 * with {@link #builder()}.
 */
public final class EncodingOptions {
  /** Tokens of the text kept per copy unless configured: the prompt stays a bounded size. */
  public static final int DEFAULT_MAX_TOKENS_PER_COPY = 512;

  private final SpanConvention spanConvention;
  private final int maxTokensPerCopy;
  private final OptionalInt bosTokenId;

  private EncodingOptions(Builder builder) {
    this.spanConvention = builder.spanConvention;
    this.maxTokensPerCopy = builder.maxTokensPerCopy;
    this.bosTokenId = builder.bosTokenId;
  }

  /** Pieces convention, {@value #DEFAULT_MAX_TOKENS_PER_COPY} tokens per copy, no BOS added. */
  public static EncodingOptions defaults() {
    return builder().build();
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** How the prompt is tokenized and its pooled tokens found. */
  public SpanConvention spanConvention() {
    return spanConvention;
  }

  /** The text is cut to this many tokens, the same in every copy. */
  public int maxTokensPerCopy() {
    return maxTokensPerCopy;
  }

  /** The token put before the prompt, if any (the template itself may also write one). */
  public OptionalInt bosTokenId() {
    return bosTokenId;
  }

  @Override
  public String toString() {
    return "EncodingOptions["
        + spanConvention
        + ", maxTokensPerCopy="
        + maxTokensPerCopy
        + (bosTokenId.isPresent() ? ", bos=" + bosTokenId.getAsInt() : "")
        + "]";
  }

  /** Builds {@link EncodingOptions}; every setter checks its argument. */
  public static final class Builder {
    private SpanConvention spanConvention = SpanConvention.PIECES;
    private int maxTokensPerCopy = DEFAULT_MAX_TOKENS_PER_COPY;
    private OptionalInt bosTokenId = OptionalInt.empty();

    private Builder() {}

    /** See {@link SpanConvention}; default {@link SpanConvention#PIECES}. */
    public Builder spanConvention(SpanConvention convention) {
      if (convention == null) {
        throw new IllegalArgumentException("span convention must not be null");
      }
      this.spanConvention = convention;
      return this;
    }

    /** The most tokens of the text kept in each copy, at least 1. */
    public Builder maxTokensPerCopy(int maxTokens) {
      if (maxTokens < 1) {
        throw new IllegalArgumentException("maxTokensPerCopy must be at least 1, got " + maxTokens);
      }
      this.maxTokensPerCopy = maxTokens;
      return this;
    }

    /** Puts {@code bosTokenId} before every prompt (see {@code TextTokenizer#bosTokenId()}). */
    public Builder addBos(int bosTokenId) {
      if (bosTokenId < 0) {
        throw new IllegalArgumentException("BOS token id must not be negative, got " + bosTokenId);
      }
      this.bosTokenId = OptionalInt.of(bosTokenId);
      return this;
    }

    /** The options. */
    public EncodingOptions build() {
      return new EncodingOptions(this);
    }
  }
}
