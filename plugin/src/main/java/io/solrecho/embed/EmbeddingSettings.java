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

import java.util.Objects;

/**
 * Everything that decides how texts become vectors, validated once: mode, document and query
 * templates (with an optional instruction), pooling, normalisation, the span convention, the
 * per-copy token limit, whether the model's BOS token goes first, and micro-batch limits.
 * Immutable; build with {@link #builder()}.
 */
public final class EmbeddingSettings {
  /** Tokens of the text kept per copy unless configured: the prompt stays a bounded size. */
  public static final int DEFAULT_MAX_TOKENS_PER_COPY = 512;

  private final EmbeddingMode mode;
  private final PromptTemplate documentTemplate;
  private final PromptTemplate queryTemplate;
  private final Pooling pooling;
  private final boolean normalize;
  private final SpanConvention spanConvention;
  private final int maxTokensPerCopy;
  private final boolean addBos;
  private final int maxBatchSize;
  private final int maxBatchTokens;

  private EmbeddingSettings(Builder b) {
    this.mode = b.mode;
    String documentText =
        b.documentTemplate != null ? b.documentTemplate : b.mode.defaultTemplate();
    String queryText = b.queryTemplate != null ? b.queryTemplate : documentText;
    this.documentTemplate = template(b.mode, documentText, b.instruction);
    this.queryTemplate = template(b.mode, queryText, b.instruction);
    this.pooling = b.pooling != null ? b.pooling : b.mode.defaultPooling();
    this.normalize = b.normalize;
    this.spanConvention = b.spanConvention;
    this.maxTokensPerCopy = b.maxTokensPerCopy;
    this.addBos = b.addBos;
    this.maxBatchSize = b.maxBatchSize;
    this.maxBatchTokens = b.maxBatchTokens;
  }

  /** The instruction fills templates that write {@code {instruction}}; the others ignore it. */
  private static PromptTemplate template(EmbeddingMode mode, String text, String instruction) {
    return instruction != null && text.contains(PromptTemplate.INSTRUCTION)
        ? PromptTemplate.of(mode, text, instruction)
        : PromptTemplate.of(mode, text);
  }

  /** Echo mode with the paper's zero-shot template, mean pooling, normalised vectors. */
  public static EmbeddingSettings defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public EmbeddingMode mode() {
    return mode;
  }

  /** The template for {@code role}. */
  public PromptTemplate template(TextRole role) {
    return role == TextRole.QUERY ? queryTemplate : documentTemplate;
  }

  public Pooling pooling() {
    return pooling;
  }

  /** Whether vectors are scaled to unit length (for cosine / dot-product fields). */
  public boolean normalize() {
    return normalize;
  }

  public SpanConvention spanConvention() {
    return spanConvention;
  }

  public int maxTokensPerCopy() {
    return maxTokensPerCopy;
  }

  public boolean addBos() {
    return addBos;
  }

  /** Most texts in one forward pass. */
  public int maxBatchSize() {
    return maxBatchSize;
  }

  /** Most padded tokens (rows x longest row) in one forward pass. */
  public int maxBatchTokens() {
    return maxBatchTokens;
  }

  /** A stable text of every setting, for fingerprints. */
  String describe() {
    return "mode="
        + mode
        + "\npooling="
        + pooling
        + "\nnormalize="
        + normalize
        + "\nspans="
        + spanConvention
        + "\nmaxTokensPerCopy="
        + maxTokensPerCopy
        + "\naddBos="
        + addBos
        + "\ndocumentTemplate="
        + documentTemplate.template()
        + "\nqueryTemplate="
        + queryTemplate.template()
        + "\ninstruction="
        + queryTemplate.instruction().orElse(documentTemplate.instruction().orElse(""));
  }

  @Override
  public String toString() {
    return describe().replace('\n', ' ');
  }

  /** Builder of {@link EmbeddingSettings}; every setter checks its argument and names it. */
  public static final class Builder {
    private EmbeddingMode mode = EmbeddingMode.ECHO;
    private String documentTemplate;
    private String queryTemplate;
    private String instruction;
    private Pooling pooling;
    private boolean normalize = true;
    private SpanConvention spanConvention = SpanConvention.PIECES;
    private int maxTokensPerCopy = DEFAULT_MAX_TOKENS_PER_COPY;
    private boolean addBos;
    private int maxBatchSize = 16;
    private int maxBatchTokens = 8192;

    private Builder() {}

    public Builder mode(EmbeddingMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** Template for documents; default: the mode's. */
    public Builder documentTemplate(String template) {
      this.documentTemplate = template;
      return this;
    }

    /** Template for queries; default: the document template. */
    public Builder queryTemplate(String template) {
      this.queryTemplate = template;
      return this;
    }

    /** Text for {@code {instruction}} in templates that write it. */
    public Builder instruction(String instruction) {
      this.instruction = instruction;
      return this;
    }

    /** Pooling; default: the mode's (mean, or last for PromptEOL). */
    public Builder pooling(Pooling pooling) {
      this.pooling = pooling;
      return this;
    }

    public Builder normalize(boolean normalize) {
      this.normalize = normalize;
      return this;
    }

    public Builder spanConvention(SpanConvention convention) {
      this.spanConvention = Objects.requireNonNull(convention, "spanConvention");
      return this;
    }

    public Builder maxTokensPerCopy(int maxTokens) {
      this.maxTokensPerCopy = WholeNumber.atLeast("maxTokens", maxTokens, 1);
      return this;
    }

    /** Put the model's BOS token (from its tokenizer files) first in every prompt. */
    public Builder addBos(boolean addBos) {
      this.addBos = addBos;
      return this;
    }

    public Builder maxBatchSize(int size) {
      this.maxBatchSize = WholeNumber.atLeast("batchSize", size, 1);
      return this;
    }

    public Builder maxBatchTokens(int tokens) {
      this.maxBatchTokens = WholeNumber.atLeast("maxBatchTokens", tokens, 1);
      return this;
    }

    /** The settings; template errors (wrong number of {@code {x}}) are thrown here. */
    public EmbeddingSettings build() {
      return new EmbeddingSettings(this);
    }
  }
}
