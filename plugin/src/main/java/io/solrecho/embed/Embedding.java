package io.solrecho.embed;

/**
 * One text's vector with how it was made: the prompt's token ids, the pooled token range
 * {@code [pooledStart, pooledEnd)} and whether the text was truncated.
 */
public final class Embedding {
  private final float[] vector;
  private final EncodedPrompt prompt;

  Embedding(float[] vector, EncodedPrompt prompt) {
    this.vector = vector;
    this.prompt = prompt;
  }

  /** A copy of the vector. */
  public float[] vector() {
    return vector.clone();
  }

  /** The prompt's token ids. */
  public int[] ids() {
    return prompt.ids();
  }

  public int pooledStart() {
    return prompt.pooledStart();
  }

  public int pooledEnd() {
    return prompt.pooledEnd();
  }

  /** Tokens in the prompt (the cost of this embedding). */
  public int tokens() {
    return prompt.length();
  }

  /** Whether the text was longer than the per-copy token limit and was cut. */
  public boolean truncated() {
    return prompt.truncated();
  }
}
