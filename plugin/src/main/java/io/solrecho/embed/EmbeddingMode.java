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
 * How a causal language model is prompted to embed a text, with the defaults of Springer et al.,
 * "Repetition Improves Language Model Embeddings" (ICLR 2025), or as a trained embedding model's
 * sentence-transformers folder says. The configuration value {@code auto} (the default) is the
 * latter for such a folder and {@link #ECHO} for any other.
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
  PROMPTEOL(1, "This sentence : \"{x}\" means in one word:\"", Pooling.LAST),
  /**
   * A sentence-transformers folder's own recipe ({@link SentenceTransformersFolder}): its prompt
   * before the text, its special tokens, pooling and normalisation. No template: the one given here
   * only says the text comes once.
   */
  SENTENCE_TRANSFORMERS(1, PromptTemplate.TEXT, Pooling.MEAN);

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

  /** True for the modes that build prompts from templates. */
  public boolean usesTemplates() {
    return this != SENTENCE_TRANSFORMERS;
  }

  /** True when the pooled token is the last token of the whole prompt rather than the text's. */
  public boolean poolsLastPromptToken() {
    return this == PROMPTEOL;
  }
}
