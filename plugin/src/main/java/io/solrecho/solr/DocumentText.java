package io.solrecho.solr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.SolrInputField;

/**
 * What one added document asks of {@link EchoUpdateProcessor}, read from its input fields:
 *
 * <ul>
 *   <li>a text to embed: the values of the input fields, in the configured order, a multi-valued
 *       field's values in their order, non-blank values joined by the separator. Strings, numbers
 *       and booleans are text; any other value (binary, date, nested document) is an error;
 *   <li>nothing to do: an atomic update that touches none of the input fields keeps its stored
 *       vector, which Solr's atomic update carries over;
 *   <li>a problem: no text at all, or a value that is not text. The configured {@code onError}
 *       decides; an atomic update that changes the input fields other than by {@code set} of all of
 *       them is always rejected, since the new text is not known before Solr merges it.
 * </ul>
 */
final class DocumentText {
  private final String text;
  private final boolean atomic;
  private final String problem;
  private final boolean rejected;

  private DocumentText(String text, boolean atomic, String problem, boolean rejected) {
    this.text = text;
    this.atomic = atomic;
    this.problem = problem;
    this.rejected = rejected;
  }

  /** Reads {@code doc}; {@code atomic} when it is a partial (atomic) update. */
  static DocumentText of(SolrInputDocument doc, boolean atomic, EchoUpdateSettings settings) {
    List<String> fields = settings.inputFields();
    List<Object> values = new ArrayList<>();
    List<String> touched = new ArrayList<>();
    for (String name : fields) {
      SolrInputField field = doc.getField(name);
      if (field == null) {
        continue;
      }
      touched.add(name);
      Object value = field.getValue();
      if (atomic && value instanceof Map) {
        Map<?, ?> operations = (Map<?, ?>) value;
        if (operations.size() != 1 || !operations.containsKey("set")) {
          return rejected(atomic, "atomic update " + operations.keySet() + " on inputField '" + name
              + "' is not supported: the vector is computed from " + fields + ", so set them with \"set\""
              + " or send the whole document");
        }
        value = operations.get("set");
      }
      int first = values.size();
      addValues(values, value);
      for (Object v : values.subList(first, values.size())) {
        if (!(v instanceof CharSequence || v instanceof Number || v instanceof Boolean)) {
          return new DocumentText(null, atomic, "inputField '" + name + "' holds a " + v.getClass().getSimpleName()
              + ", not text; only strings, numbers and booleans are embedded", false);
        }
      }
    }
    if (atomic && touched.isEmpty()) {
      return new DocumentText(null, true, null, false);
    }
    if (atomic && touched.size() < fields.size()) {
      List<String> missing = new ArrayList<>(fields);
      missing.removeAll(touched);
      return rejected(true, "atomic update sets " + touched + " but not " + missing + ": the vector is computed"
          + " from all of " + fields + ", so set them together or send the whole document");
    }
    StringBuilder text = new StringBuilder();
    for (Object value : values) {
      String part = value.toString();
      if (!part.isBlank()) {
        text.append(text.length() == 0 ? "" : settings.separator()).append(part);
      }
    }
    if (text.length() == 0) {
      return new DocumentText(null, atomic, touched.isEmpty()
          ? "none of the input fields " + fields + " is present: there is no text to embed"
          : "the input fields " + touched + " hold only empty or whitespace text: there is nothing to embed", false);
    }
    return new DocumentText(text.toString(), atomic, null, false);
  }

  private static void addValues(List<Object> values, Object value) {
    if (value instanceof Collection) {
      for (Object v : (Collection<?>) value) {
        addValues(values, v);
      }
    } else if (value != null) {
      values.add(value);
    }
  }

  private static DocumentText rejected(boolean atomic, String problem) {
    return new DocumentText(null, atomic, problem, true);
  }

  /** The text to embed, or null when there is none. */
  String text() {
    return text;
  }

  /** Whether the document is an atomic (partial) update. */
  boolean atomic() {
    return atomic;
  }

  /** An atomic update that leaves the input fields, and so the stored vector, alone. */
  boolean unchanged() {
    return text == null && problem == null;
  }

  /** Why there is nothing to embed, or null. */
  String problem() {
    return problem;
  }

  /** Whether the problem rejects the update even when {@code onError=skip}. */
  boolean rejected() {
    return rejected;
  }
}
