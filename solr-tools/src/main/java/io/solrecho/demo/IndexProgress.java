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
