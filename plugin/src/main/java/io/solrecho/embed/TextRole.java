package io.solrecho.embed;

/** Whether a text is embedded as a search query or as a document (they may use different templates). */
public enum TextRole {
  QUERY,
  DOCUMENT
}
