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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A GitHub-flavoured Markdown table. Cells are escaped ({@code |} and line breaks); a column whose
 * cells are all numbers (or {@code n/a}, possibly bold) is right-aligned, the others left-aligned.
 */
public final class MarkdownTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public MarkdownTable(String... header) {
    this(Arrays.asList(header));
  }

  public MarkdownTable(List<String> header) {
    if (header == null || header.isEmpty()) {
      throw new IllegalArgumentException("a table needs at least one column");
    }
    this.header = List.copyOf(header);
  }

  /** Adds a row; it must have one cell per column. */
  public MarkdownTable row(String... cells) {
    return row(Arrays.asList(cells));
  }

  /** Adds a row; it must have one cell per column. */
  public MarkdownTable row(List<String> cells) {
    if (cells.size() != header.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.size() + " cells for " + header.size() + " columns: " + cells);
    }
    rows.add(List.copyOf(cells));
    return this;
  }

  /** A number with {@code decimals} decimals, or {@code n/a} for NaN. */
  public static String number(double value, int decimals) {
    return Double.isFinite(value)
        ? String.format(Locale.ROOT, "%." + decimals + "f", value)
        : "n/a";
  }

  /**
   * {@code value} as {@link #number}, bold when it is the largest of {@code column} (the value's
   * column, NaN for a missing result) and the column has several rows.
   */
  public static String numberMarkingBest(double value, List<Double> column, int decimals) {
    String text = number(value, decimals);
    double best =
        column.stream()
            .filter(Double::isFinite)
            .mapToDouble(Double::doubleValue)
            .max()
            .orElse(Double.NaN);
    return column.size() > 1 && value == best ? "**" + text + "**" : text;
  }

  /** Text shown as code, e.g. a prompt template. */
  public static String code(String text) {
    return "`" + text.replace("`", "'") + "`";
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    line(text, header);
    List<String> rule = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      rule.add(numeric(i) ? "---:" : "---");
    }
    text.append('|').append(String.join("|", rule)).append("|\n");
    for (List<String> row : rows) {
      line(text, row);
    }
    return text.toString();
  }

  private boolean numeric(int column) {
    if (rows.isEmpty()) {
      return false;
    }
    for (List<String> row : rows) {
      String cell = row.get(column) == null ? "" : row.get(column).replace("*", "").trim();
      if (!cell.isEmpty() && !cell.equals("n/a") && !cell.matches("[-+]?\\d+(\\.\\d+)?%?")) {
        return false;
      }
    }
    return true;
  }

  private static void line(StringBuilder text, List<String> cells) {
    text.append('|');
    for (String cell : cells) {
      text.append(' ').append(escape(cell)).append(" |");
    }
    text.append('\n');
  }

  private static String escape(String cell) {
    return (cell == null ? "" : cell).replace("|", "\\|").replace("\r", "").replace("\n", "\\n");
  }
}
