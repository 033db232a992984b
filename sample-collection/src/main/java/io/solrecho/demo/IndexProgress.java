package io.solrecho.demo;

/** Told by {@link LocalSolr#index} how far indexing has come, after each batch Solr accepted. */
@FunctionalInterface
public interface IndexProgress {
  /** Reports nothing. */
  IndexProgress NONE = (indexed, total) -> {};

  /**
   * @param indexed documents Solr has accepted so far
   * @param total all documents to index, or -1 when not known in advance
   */
  void indexed(long indexed, long total);
}
