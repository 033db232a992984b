package io.solrecho.embed;

/**
 * How a prompt is tokenized and how its pooled tokens are found. The two give different ids as
 * soon as a BPE merge crosses a piece boundary (typically the space before the text).
 */
public enum SpanConvention {
  /**
   * What the reference implementation ({@code EchoParser}) does: every literal piece of the
   * template and the text are tokenized on their own and the ids concatenated; the pooled tokens
   * are exactly those of the pooled copy of the text.
   */
  PIECES,
  /**
   * The whole prompt string is tokenized once; the pooled tokens are those whose character range
   * intersects the pooled copy of the text, whose place follows from the template.
   */
  OFFSETS
}
