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

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A finished evaluation: a title, the model and configuration as name/value pairs, the result
 * sections in report order, and the time each step took. {@link ReportWriter} turns it into files.
 */
public record EvalReport(
    String title, Map<String, String> info, List<ReportSection> sections, List<Timing> timings) {
  public EvalReport {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("report title must not be blank");
    }
    info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
    sections = List.copyOf(sections);
    timings = List.copyOf(timings);
    Set<String> keys = new HashSet<>();
    Set<String> files = new HashSet<>();
    for (ReportSection section : sections) {
      if (!section.key().matches("[a-z0-9][a-z0-9-]*")) {
        throw new IllegalArgumentException(
            "section key must be lower-case letters, digits and '-', got '" + section.key() + "'");
      }
      if (!keys.add(section.key())) {
        throw new IllegalArgumentException("two sections share the key '" + section.key() + "'");
      }
      for (BarChart chart : section.charts()) {
        if (!chart.fileName().startsWith(section.key())) {
          throw new IllegalArgumentException(
              "chart "
                  + chart.fileName()
                  + " of section "
                  + section.key()
                  + " must start with the section key");
        }
        if (!files.add(chart.fileName())) {
          throw new IllegalArgumentException("two charts share the file name " + chart.fileName());
        }
      }
    }
  }
}
