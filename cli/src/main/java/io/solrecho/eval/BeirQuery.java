package io.solrecho.eval;

/** One query of a BEIR data set ({@code queries.jsonl}): its id and text. */
public record BeirQuery(String id, String text) {
  public BeirQuery {
    if (id == null || text == null) {
      throw new IllegalArgumentException("BEIR query id and text must not be null (id " + id + ")");
    }
  }
}
