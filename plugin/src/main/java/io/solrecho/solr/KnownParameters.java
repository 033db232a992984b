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

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.solr.common.params.SolrParams;

/**
 * The parameter names a solr-echo plugin accepts in solrconfig.xml. Any other name is refused at
 * core load, with the unknown and the known names, rather than ignored: a misspelt parameter would
 * otherwise leave its default in force without a word.
 */
final class KnownParameters {
  private final Set<String> names;

  KnownParameters(String... names) {
    this.names = Set.of(names);
  }

  /** The names of every list. */
  KnownParameters(List<String> names, List<String> more) {
    Set<String> all = new TreeSet<>(names);
    all.addAll(more);
    this.names = Set.copyOf(all);
  }

  /**
   * Checks that {@code params} names only known parameters.
   *
   * @param error makes the plugin's configuration error from the message
   */
  void check(SolrParams params, Function<String, ? extends RuntimeException> error) {
    Set<String> unknown = new TreeSet<>();
    for (Iterator<String> it = params.getParameterNamesIterator(); it.hasNext(); ) {
      String name = it.next();
      if (!names.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw error.apply("unknown parameter(s) " + unknown + "; known: " + new TreeSet<>(names));
    }
  }
}
