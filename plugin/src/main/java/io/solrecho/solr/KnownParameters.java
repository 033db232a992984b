package io.solrecho.solr;

import java.util.Iterator;
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
