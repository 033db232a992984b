package io.solrecho.eval;

/** One document of a BEIR corpus ({@code corpus.jsonl}): its id, title (possibly empty) and text. */
public record BeirDocument(String id, String title, String text) {
  public BeirDocument {
    if (id == null || title == null || text == null) {
      throw new IllegalArgumentException("BEIR document id, title and text must not be null (id " + id + ")");
    }
  }

  /**
   * The text to embed: title and text joined by one space, as BEIR's and MTEB's dense retrievers do,
   * or the text alone when the title is blank.
   */
  public String titleAndText() {
    return title.isBlank() ? text : title + " " + text;
  }
}
