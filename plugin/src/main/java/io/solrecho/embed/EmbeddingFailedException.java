package io.solrecho.embed;

/** An embedding request that was rejected, timed out, or failed inside the model. */
public final class EmbeddingFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EmbeddingFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
