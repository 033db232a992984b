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

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything that decides how texts become vectors, validated once: mode, document and query
 * templates (with an optional instruction) or a sentence-transformers folder's prompts, pooling,
 * normalisation, the span convention, the token limit, whether the model's BOS token goes first,
 * and micro-batch limits. Immutable; build with {@link #builder()}.
 *
 * <p>The mode may be left to the model folder ({@code auto}, the default): {@link #resolve} reads
 * the folder and gives {@link EmbeddingMode#SENTENCE_TRANSFORMERS} for a sentence-transformers
 * folder, {@link EmbeddingMode#ECHO} otherwise ({@link Embedder} resolves the settings it is
 * given). Echo, classical and PromptEOL on a sentence-transformers folder keep their templates and
 * take the folder's pooling (last or mean) unless {@code pooling} is set.
 */
public final class EmbeddingSettings {
  /** Tokens of the text kept per copy unless configured: the prompt stays a bounded size. */
  public static final int DEFAULT_MAX_TOKENS_PER_COPY = 512;

  private final Builder configured;
  private final Path resolvedAgainst;
  private final EmbeddingMode mode;
  private final PromptTemplate documentTemplate;
  private final PromptTemplate queryTemplate;
  private final String documentPrompt;
  private final String queryPrompt;
  private final Pooling pooling;
  private final boolean includePrompt;
  private final boolean normalize;
  private final SpanConvention spanConvention;
  private final int maxTokensPerCopy;
  private final boolean addBos;
  private final int maxBatchSize;
  private final int maxBatchTokens;

  /**
   * @param resolvedAgainst the model folder the settings are resolved against, or null
   * @param st the sentence-transformers folder resolved against, or null (a plain folder, or none)
   */
  private EmbeddingSettings(Builder b, Path resolvedAgainst, SentenceTransformersFolder st) {
    this.configured = b;
    this.resolvedAgainst = resolvedAgainst;
    boolean resolved = resolvedAgainst != null;
    // auto before resolution: echo for now, the other kind of parameters kept for the folder
    boolean pending = !resolved && b.mode == null;
    this.mode =
        b.mode != null
            ? b.mode
            : st != null ? EmbeddingMode.SENTENCE_TRANSFORMERS : EmbeddingMode.ECHO;
    this.spanConvention = b.spanConvention != null ? b.spanConvention : SpanConvention.PIECES;
    this.addBos = Boolean.TRUE.equals(b.addBos);
    this.maxBatchSize = b.maxBatchSize;
    this.maxBatchTokens = b.maxBatchTokens;
    if (mode.usesTemplates()) {
      if (!pending) {
        refuse(b.documentPrompt, "documentPrompt", "a template (documentTemplate)");
        refuse(b.queryPrompt, "queryPrompt", "a template (queryTemplate)");
      }
      String documentText =
          b.documentTemplate != null ? b.documentTemplate : mode.defaultTemplate();
      String queryText = b.queryTemplate != null ? b.queryTemplate : documentText;
      this.documentTemplate = template(mode, documentText, b.instruction);
      this.queryTemplate = template(mode, queryText, b.instruction);
      this.documentPrompt = null;
      this.queryPrompt = null;
      this.pooling =
          b.pooling != null
              ? b.pooling
              : st != null && mode != EmbeddingMode.PROMPTEOL
                  ? st.pooling()
                  : mode.defaultPooling();
      this.includePrompt = true;
      this.normalize = b.normalize == null || b.normalize;
      this.maxTokensPerCopy =
          b.maxTokensPerCopy != null ? b.maxTokensPerCopy : DEFAULT_MAX_TOKENS_PER_COPY;
      return;
    }
    String prompts = "the folder's prompts (queryPrompt, documentPrompt)";
    refuse(b.documentTemplate, "documentTemplate", prompts);
    refuse(b.queryTemplate, "queryTemplate", prompts);
    refuse(b.instruction, "instruction", prompts);
    refuse(b.spanConvention, "spans", "its tokenizer's special tokens");
    refuse(b.addBos, "addBos", "its tokenizer's special tokens");
    refuse(b.pooling, "pooling", "its 1_Pooling module");
    if (resolved && st == null) {
      throw new IllegalArgumentException(
          "mode: sentence_transformers needs a sentence-transformers model folder, one with "
              + SentenceTransformersFolder.MODULES_FILE);
    }
    this.documentTemplate = null;
    this.queryTemplate = null;
    this.documentPrompt =
        st == null ? null : st.prompt(TextRole.DOCUMENT, b.documentPrompt, "documentPrompt");
    this.queryPrompt = st == null ? null : st.prompt(TextRole.QUERY, b.queryPrompt, "queryPrompt");
    this.pooling = st == null ? null : st.pooling();
    this.includePrompt = st == null || st.includePrompt();
    this.normalize = b.normalize != null ? b.normalize : st == null || st.normalize();
    this.maxTokensPerCopy =
        b.maxTokensPerCopy != null
            ? b.maxTokensPerCopy
            : st != null ? st.maxSeqLength() : DEFAULT_MAX_TOKENS_PER_COPY;
  }

  /** The instruction fills templates that write {@code {instruction}}; the others ignore it. */
  private static PromptTemplate template(EmbeddingMode mode, String text, String instruction) {
    return instruction != null && text.contains(PromptTemplate.INSTRUCTION)
        ? PromptTemplate.of(mode, text, instruction)
        : PromptTemplate.of(mode, text);
  }

  /** A parameter of the other kind of mode is an error, not something silently ignored. */
  private void refuse(Object value, String parameter, String instead) {
    if (value != null) {
      throw new IllegalArgumentException(
          parameter
              + ": does not apply to mode "
              + mode.name().toLowerCase(Locale.ROOT)
              + ", which uses "
              + instead
              + (mode.usesTemplates()
                  ? ""
                  : " (mode auto embeds a sentence-transformers folder as its files say; set"
                      + " mode=echo, classical or prompteol to use templates)"));
    }
  }

  /** Echo mode with the paper's zero-shot template, mean pooling, normalised vectors. */
  public static EmbeddingSettings defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * These settings for the model in {@code modelFolder}: mode {@code auto} becomes the folder's
   * sentence-transformers recipe when it has {@code modules.json}, else echo; echo, classical and
   * PromptEOL take the folder's pooling unless one is configured. Settings resolved against {@code
   * modelFolder} already are returned as they are (the folder's files are read once).
   *
   * @throws IOException when the folder's sentence-transformers files cannot be read
   * @throws IllegalArgumentException when the settings do not suit the folder (a recipe solr-echo
   *     does not reproduce, an unknown prompt name, a template with its sentence-transformers
   *     recipe, ...)
   */
  public EmbeddingSettings resolve(Path modelFolder) throws IOException {
    if (modelFolder.equals(resolvedAgainst)) {
      return this;
    }
    SentenceTransformersFolder folder;
    try {
      folder = SentenceTransformersFolder.read(modelFolder).orElse(null);
    } catch (IllegalArgumentException e) {
      if (configured.mode == null || !configured.mode.usesTemplates()) {
        throw new IllegalArgumentException(
            e.getMessage()
                + " (set mode=echo, classical or prompteol to embed this model with a prompt"
                + " template instead)",
            e);
      }
      folder = null;
    }
    return new EmbeddingSettings(configured, modelFolder, folder);
  }

  public EmbeddingMode mode() {
    return mode;
  }

  /**
   * The template for {@code role}.
   *
   * @throws IllegalStateException in sentence_transformers mode, which has prompts instead
   */
  public PromptTemplate template(TextRole role) {
    if (!mode.usesTemplates()) {
      throw new IllegalStateException("mode sentence_transformers has prompts, not templates");
    }
    return role == TextRole.QUERY ? queryTemplate : documentTemplate;
  }

  /**
   * The sentence-transformers prompt put before texts of {@code role} (empty for none).
   *
   * @throws IllegalStateException in the template modes, or before {@link #resolve}
   */
  public String prompt(TextRole role) {
    String prompt = role == TextRole.QUERY ? queryPrompt : documentPrompt;
    if (prompt == null) {
      throw new IllegalStateException(
          "no sentence-transformers prompt: mode "
              + mode
              + (mode.usesTemplates() ? " uses templates" : " is not resolved against a folder"));
    }
    return prompt;
  }

  /** Mean or last; null in sentence_transformers mode until resolved. */
  public Pooling pooling() {
    return pooling;
  }

  /** False when a sentence-transformers folder leaves the prompt's tokens out of mean pooling. */
  public boolean includePrompt() {
    return includePrompt;
  }

  /** Whether vectors are scaled to unit length (for cosine / dot-product fields). */
  public boolean normalize() {
    return normalize;
  }

  public SpanConvention spanConvention() {
    return spanConvention;
  }

  /**
   * Tokens of the text kept per copy; in sentence_transformers mode the most tokens of the whole
   * sequence, prompt and special tokens included (the folder's {@code max_seq_length} unless
   * configured).
   */
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
    if (!mode.usesTemplates()) {
      return "mode="
          + mode
          + "\npooling="
          + pooling
          + "\nincludePrompt="
          + includePrompt
          + "\nnormalize="
          + normalize
          + "\nmaxTokens="
          + maxTokensPerCopy
          + "\ndocumentPrompt="
          + documentPrompt
          + "\nqueryPrompt="
          + queryPrompt;
    }
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
    private EmbeddingMode mode;
    private String documentTemplate;
    private String queryTemplate;
    private String instruction;
    private String documentPrompt;
    private String queryPrompt;
    private Pooling pooling;
    private Boolean normalize;
    private SpanConvention spanConvention;
    private Integer maxTokensPerCopy;
    private Boolean addBos;
    private int maxBatchSize = 16;
    private int maxBatchTokens = 8192;

    private Builder() {}

    private Builder(Builder other) {
      this.mode = other.mode;
      this.documentTemplate = other.documentTemplate;
      this.queryTemplate = other.queryTemplate;
      this.instruction = other.instruction;
      this.documentPrompt = other.documentPrompt;
      this.queryPrompt = other.queryPrompt;
      this.pooling = other.pooling;
      this.normalize = other.normalize;
      this.spanConvention = other.spanConvention;
      this.maxTokensPerCopy = other.maxTokensPerCopy;
      this.addBos = other.addBos;
      this.maxBatchSize = other.maxBatchSize;
      this.maxBatchTokens = other.maxBatchTokens;
    }

    /** The mode; null (the default) is {@code auto}: the model folder decides. */
    public Builder mode(EmbeddingMode mode) {
      this.mode = mode;
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

    /**
     * The name of the sentence-transformers prompt for documents; default: {@code document}, {@code
     * passage} or {@code corpus}, whichever the folder has, else its default prompt.
     */
    public Builder documentPrompt(String name) {
      this.documentPrompt = name;
      return this;
    }

    /**
     * The name of the sentence-transformers prompt for queries; default: {@code query} when the
     * folder has it, else its default prompt.
     */
    public Builder queryPrompt(String name) {
      this.queryPrompt = name;
      return this;
    }

    /** Pooling; default: the mode's (mean, or last for PromptEOL) or the folder's. */
    public Builder pooling(Pooling pooling) {
      this.pooling = pooling;
      return this;
    }

    /** Default: true, or whether a sentence-transformers folder normalises. */
    public Builder normalize(boolean normalize) {
      this.normalize = normalize;
      return this;
    }

    public Builder spanConvention(SpanConvention convention) {
      this.spanConvention = Objects.requireNonNull(convention, "spanConvention");
      return this;
    }

    /**
     * Tokens of the text per copy (default 512); in sentence_transformers mode the most tokens of a
     * sequence (default: the folder's {@code max_seq_length}).
     */
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

    /**
     * The settings, not yet resolved against a model folder; template errors (wrong number of
     * {@code {x}}) and parameters of the other kind of mode are thrown here.
     */
    public EmbeddingSettings build() {
      return new EmbeddingSettings(new Builder(this), null, null);
    }
  }
}
