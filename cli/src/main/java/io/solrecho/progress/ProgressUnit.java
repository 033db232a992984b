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
package io.solrecho.progress;

import java.util.Locale;

/**
 * What a {@link ProgressBar} counts: bytes, shown in megabytes (kilobytes for amounts under a
 * megabyte) with rates in MB/s, or whole items such as documents or texts, shown as counts with
 * rates in items per second.
 */
public final class ProgressUnit {
  private static final double MB = 1_000_000.0;
  private static final ProgressUnit BYTES = new ProgressUnit(null);

  /** The item name, or null for bytes. */
  private final String items;

  private ProgressUnit(String items) {
    this.items = items;
  }

  /** Bytes: {@code 50.0/100.0 MB}, {@code 0.7/0.7 kB}, {@code 10.0 MB/s}. */
  public static ProgressUnit bytes() {
    return BYTES;
  }

  /**
   * Items named {@code name} (plural, e.g. {@code docs}): {@code 40/160 docs}, {@code 20.0 docs/s}.
   */
  public static ProgressUnit items(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "the unit needs a name, such as docs or texts, got '" + name + "'");
    }
    return new ProgressUnit(name);
  }

  /** {@code done/total} with the unit's name; {@code total} negative: {@code done} alone. */
  String amount(long done, long total) {
    return numbers(done, total) + " " + name(total < 0 ? done : total);
  }

  /** {@code done/total} without the unit's name, in the scale {@link #amount} uses. */
  String numbers(long done, long total) {
    if (items != null) {
      return total < 0 ? Long.toString(done) : done + "/" + total;
    }
    double unit = (total < 0 ? done : total) < MB ? 1000.0 : MB;
    return total < 0
        ? String.format(Locale.ROOT, "%.1f", done / unit)
        : String.format(Locale.ROOT, "%.1f/%.1f", done / unit, total / unit);
  }

  /** {@code 10.0 MB/s} or {@code 20.0 docs/s}. */
  String rate(double perSecond) {
    return items != null
        ? String.format(Locale.ROOT, "%.1f %s/s", perSecond, items)
        : String.format(Locale.ROOT, "%.1f MB/s", perSecond / MB);
  }

  private String name(long scale) {
    return items != null ? items : scale < MB ? "kB" : "MB";
  }
}
