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
