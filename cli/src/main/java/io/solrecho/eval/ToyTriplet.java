package io.solrecho.eval;

/**
 * One triplet of the toy study: a query {@code [A, B]}, a positive {@code [A+, B+]} that
 * paraphrases both parts, and a negative that keeps one part of the query word for word and
 * contradicts the other (see {@link Kind}).
 */
public record ToyTriplet(String id, Kind kind, String query, String positive, String negative) {
  /** Which part of the sentence decides between the positive and the negative. */
  public enum Kind {
    /** The early part decides: the negative is {@code [A-, B]}, ending exactly as the query. */
    S1,
    /** The late part decides: the negative is {@code [A, B-]}, starting exactly as the query. */
    S2
  }

  public ToyTriplet {
    if (id == null || kind == null) {
      throw new IllegalArgumentException("toy triplet id and kind must not be null");
    }
    for (String text : new String[] {query, positive, negative}) {
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException("toy triplet " + id + ": query, positive and negative must be non-blank");
      }
    }
  }
}
