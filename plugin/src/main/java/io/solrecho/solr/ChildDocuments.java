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
import java.util.Set;
import org.apache.solr.common.SolrDocumentBase;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.SolrInputField;

/**
 * The child documents a document brings with it, at any depth: anonymous ones ({@code
 * _childDocuments_}), labelled ones (field values that are documents), and in an atomic update the
 * documents that a {@code set}, {@code add} or {@code add-distinct} operation puts into a labelled
 * field. Each comes with its path in the block, written like Solr's {@code _nest_path_} ({@code
 * /comments#0/replies#1}), for messages.
 */
final class ChildDocuments {
  /** The atomic operations whose values are documents added to the block. */
  private static final Set<String> ADDING = Set.of("set", "add", "add-distinct");

  /** A child document and where it hangs in its block. */
  record Child(SolrInputDocument doc, String path) {}

  private ChildDocuments() {}

  /** The child documents of {@code doc}, parents before their children. */
  static List<Child> of(SolrInputDocument doc) {
    List<Child> children = new ArrayList<>();
    collect(doc, "", children);
    return children;
  }

  private static void collect(SolrInputDocument doc, String path, List<Child> children) {
    List<SolrInputDocument> anonymous = doc.getChildDocuments();
    if (anonymous != null) {
      for (int i = 0; i < anonymous.size(); i++) {
        add(anonymous.get(i), path + "/_childDocuments_#" + i, children);
      }
    }
    for (SolrInputField field : doc) {
      Object value = field.getValue();
      if (value instanceof Map && !(value instanceof SolrDocumentBase)) {
        ((Map<?, ?>) value)
            .forEach(
                (operation, operand) -> {
                  if (ADDING.contains(String.valueOf(operation))) {
                    labelled(operand, path + "/" + field.getName(), children);
                  }
                });
      } else {
        labelled(value, path + "/" + field.getName(), children);
      }
    }
  }

  private static void labelled(Object value, String path, List<Child> children) {
    if (value instanceof SolrInputDocument) {
      add((SolrInputDocument) value, path + "#", children);
    } else if (value instanceof Collection) {
      int i = 0;
      for (Object v : (Collection<?>) value) {
        if (v instanceof SolrInputDocument) {
          add((SolrInputDocument) v, path + "#" + i, children);
        }
        i++;
      }
    }
  }

  private static void add(SolrInputDocument child, String path, List<Child> children) {
    children.add(new Child(child, path));
    collect(child, path, children);
  }
}
