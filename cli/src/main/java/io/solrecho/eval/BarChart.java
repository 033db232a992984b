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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a grouped bar chart shows, independent of how it is drawn: one group of bars per category,
 * one bar per series in each group. A {@code NaN} value is a missing bar.
 *
 * @param fileName PNG file name inside the report folder, e.g. {@code sts-average.png}
 * @param title chart title
 * @param yAxisTitle what the bars measure, e.g. {@code Spearman x100}
 * @param categories x-axis groups, e.g. datasets or setups
 * @param series bars per category, in category order, keyed by legend name (in legend order)
 * @param yMin lower end of the value axis, or null to fit the data
 * @param yMax upper end of the value axis, or null to fit the data
 */
public record BarChart(
    String fileName,
    String title,
    String yAxisTitle,
    List<String> categories,
    Map<String, List<Double>> series,
    Double yMin,
    Double yMax) {
  /** A chart whose value axis fits the data. */
  public BarChart(
      String fileName,
      String title,
      String yAxisTitle,
      List<String> categories,
      Map<String, List<Double>> series) {
    this(fileName, title, yAxisTitle, categories, series, null, null);
  }

  public BarChart {
    if (fileName == null || !fileName.matches("[a-z0-9][a-z0-9-]*\\.png")) {
      throw new IllegalArgumentException(
          "chart file name must look like name-1.png (lower case), got '" + fileName + "'");
    }
    if (categories == null || categories.isEmpty()) {
      throw new IllegalArgumentException("chart " + fileName + ": needs at least one category");
    }
    if (series == null || series.isEmpty()) {
      throw new IllegalArgumentException("chart " + fileName + ": needs at least one series");
    }
    for (Map.Entry<String, List<Double>> s : series.entrySet()) {
      if (s.getValue().size() != categories.size()) {
        throw new IllegalArgumentException(
            "chart "
                + fileName
                + ": series '"
                + s.getKey()
                + "' has "
                + s.getValue().size()
                + " values for "
                + categories.size()
                + " categories");
      }
    }
    if (yMin != null && yMax != null && !(yMin < yMax)) {
      throw new IllegalArgumentException(
          "chart " + fileName + ": yMin " + yMin + " must be below yMax " + yMax);
    }
    categories = List.copyOf(categories);
    Map<String, List<Double>> copy = new LinkedHashMap<>();
    series.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    series = Collections.unmodifiableMap(copy);
  }
}
