package io.solrecho.embed;

/** How the hidden states of the pooled tokens become one vector. */
public enum Pooling {
  /** Arithmetic mean over the pooled tokens: the zero-shot echo and classical default. */
  MEAN,
  /** The state of the last pooled token: what fine-tuned echo checkpoints and PromptEOL use. */
  LAST
}
