package io.solrecho.embed;

/**
 * How a causal language model is prompted to embed a text, with the defaults of Springer et al.,
 * "Repetition Improves Language Model Embeddings" (ICLR 2025).
 */
public enum EmbeddingMode {
  /**
   * The text twice; pooling over the second copy, whose tokens have seen the whole text. Default
   * template: the paper's zero-shot one.
   */
  ECHO(2, "Rewrite the following paragraph: {x}. The rewritten paragraph: {x}", Pooling.MEAN),
  /** The text once, pooled over its own tokens (the usual baseline). */
  CLASSICAL(1, "Write a paragraph: {x}", Pooling.MEAN),
  /** PromptEOL: the text once, then a prompt whose last token summarises it; pooled there. */
  PROMPTEOL(1, "This sentence : \"{x}\" means in one word:\"", Pooling.LAST);

  private final int textCopies;
  private final String defaultTemplate;
  private final Pooling defaultPooling;

  EmbeddingMode(int textCopies, String defaultTemplate, Pooling defaultPooling) {
    this.textCopies = textCopies;
    this.defaultTemplate = defaultTemplate;
    this.defaultPooling = defaultPooling;
  }

  /** How many times a template of this mode writes the text ({@code {x}}). */
  public int textCopies() {
    return textCopies;
  }

  /** The template used when none is configured. */
  public String defaultTemplate() {
    return defaultTemplate;
  }

  /** The pooling used when none is configured. */
  public Pooling defaultPooling() {
    return defaultPooling;
  }

  /** True when the pooled token is the last token of the whole prompt rather than the text's. */
  public boolean poolsLastPromptToken() {
    return this == PROMPTEOL;
  }
}
