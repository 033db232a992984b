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
package io.solrecho.eval;

/**
 * One document of a BEIR corpus ({@code corpus.jsonl}): its id, title (possibly empty) and text.
 */
public record BeirDocument(String id, String title, String text) {
  public BeirDocument {
    if (id == null || title == null || text == null) {
      throw new IllegalArgumentException(
          "BEIR document id, title and text must not be null (id " + id + ")");
    }
  }
}
