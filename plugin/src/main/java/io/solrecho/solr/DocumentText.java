/*
 * Copyright 2026 The solr-echo authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.solrecho.solr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.solr.common.SolrDocumentBase;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.SolrInputField;

/**
 * What one added document asks of {@link EchoUpdateProcessor}, read from its input fields:
 *
 * <ul>
 *   <li>a text to embed: the values of the input fields, in the configured order, a multi-valued
 *       field's values in their order, non-blank values joined by the separator. Strings, numbers
 *       and booleans are text; any other value (binary, date, nested document) is an error;
 *   <li>a problem: no text at all, or a value that is not text. The configured {@code onError}
 *       decides.
 * </ul>
 *
 * <p>An atomic update that touches the input fields is read like a whole document, from its input
 * fields as the update leaves them (see {@link LatestInputFields}); one that touches none of them
 * has no text: Solr carries its stored vector over ({@link #atomicChange}).
 */
final class DocumentText {
  /** How an atomic update touches the input fields. */
  enum AtomicChange {
    /** It leaves them alone: the stored vector stays. */
    NONE,
    /** It sets every one of them: the new text does not depend on the stored document. */
    REPLACE,
    /** Any other change: the new text is the stored input fields with the update applied. */
    MERGE
  }

  private final String text;
  private final boolean atomic;
  private final String problem;

  private DocumentText(String text, boolean atomic, String problem) {
    this.text = text;
    this.atomic = atomic;
    this.problem = problem;
  }

  /** How the atomic update {@code update} touches the input fields. */
  static AtomicChange atomicChange(SolrInputDocument update, EchoUpdateSettings settings) {
    boolean touched = false;
    boolean setsAll = true;
    for (String name : settings.inputFields()) {
      SolrInputField field = update.getField(name);
      if (field == null) {
        setsAll = false;
        continue;
      }
      touched = true;
      Object value = field.getValue();
      // a plain value in an atomic update is a "set", as for Solr
      if (value instanceof Map
          && !(value instanceof SolrDocumentBase)
          && !(((Map<?, ?>) value).size() == 1 && ((Map<?, ?>) value).containsKey("set"))) {
        setsAll = false;
      }
    }
    return !touched ? AtomicChange.NONE : setsAll ? AtomicChange.REPLACE : AtomicChange.MERGE;
  }

  /** The text of the whole document {@code doc}. */
  static DocumentText of(SolrInputDocument doc, EchoUpdateSettings settings) {
    return read(doc, false, settings);
  }

  /**
   * The text of the document an atomic update leaves, whose input fields are {@code inputFields}.
   */
  static DocumentText ofUpdated(SolrInputDocument inputFields, EchoUpdateSettings settings) {
    return read(inputFields, true, settings);
  }

  private static DocumentText read(
      SolrInputDocument doc, boolean atomic, EchoUpdateSettings settings) {
    String after = atomic ? "after this atomic update, " : "";
    List<String> fields = settings.inputFields();
    List<Object> values = new ArrayList<>();
    List<String> present = new ArrayList<>();
    for (String name : fields) {
      SolrInputField field = doc.getField(name);
      if (field == null) {
        continue;
      }
      int first = values.size();
      addValues(values, field.getValue());
      if (values.size() > first) {
        present.add(name);
      }
      for (Object v : values.subList(first, values.size())) {
        if (!(v instanceof CharSequence || v instanceof Number || v instanceof Boolean)) {
          return new DocumentText(
              null,
              atomic,
              after
                  + "inputField '"
                  + name
                  + "' holds a "
                  + v.getClass().getSimpleName()
                  + ", not text; only strings, numbers and booleans are embedded");
        }
      }
    }
    StringBuilder text = new StringBuilder();
    for (Object value : values) {
      String part = value.toString();
      if (!part.isBlank()) {
        text.append(text.length() == 0 ? "" : settings.separator()).append(part);
      }
    }
    if (text.length() == 0) {
      return new DocumentText(
          null,
          atomic,
          after
              + (present.isEmpty()
                  ? "none of the input fields " + fields + " has a value: there is no text to embed"
                  : "the input fields "
                      + present
                      + " hold only empty or whitespace text: there is nothing to embed"));
    }
    return new DocumentText(text.toString(), atomic, null);
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

  /** The text to embed, or null when there is none. */
  String text() {
    return text;
  }

  /** Whether the document is an atomic (partial) update. */
  boolean atomic() {
    return atomic;
  }

  /** Why there is nothing to embed, or null. */
  String problem() {
    return problem;
  }
}
