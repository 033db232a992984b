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

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The STS test sets of the evaluation, each read from its place under the shared {@code data}
 * folder: STS Benchmark test, SICK-R test and the pooled pairs of each SemEval year 2012..2016.
 */
public enum StsDataset {
  STSB("STS-B", "stsbenchmark/sts-test.csv"),
  SICK("SICK-R", "sick/SICK.txt"),
  STS12("STS12", "sts12-16"),
  STS13("STS13", "sts12-16"),
  STS14("STS14", "sts12-16"),
  STS15("STS15", "sts12-16"),
  STS16("STS16", "sts12-16");

  private final String title;
  private final String location;

  StsDataset(String title, String location) {
    this.title = title;
    this.location = location;
  }

  /** The command-line name: {@code stsb}, {@code sick}, {@code sts12}, ... */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The name in reports: {@code STS-B}, {@code SICK-R}, {@code STS12}, ... */
  public String title() {
    return title;
  }

  /** The file or folder this set is read from, relative to the data folder. */
  public String location() {
    return location;
  }

  /** The dataset named {@code key}, or null. */
  public static StsDataset byKey(String key) {
    for (StsDataset dataset : values()) {
      if (dataset.key().equals(key)) {
        return dataset;
      }
    }
    return null;
  }

  /**
   * The test pairs, at most {@code limit} of them spread evenly over the whole set (every
   * (size/limit)-th pair), so that a quick run still sees every genre and SemEval subset.
   *
   * @param data the shared {@code data} folder
   * @throws IllegalArgumentException if a file is missing
   */
  public List<StsPair> read(Path data, int limit) throws IOException {
    Path path = data.resolve(location);
    List<StsPair> pairs =
        switch (this) {
          case STSB -> new StsBenchmarkReader(path).read();
          case SICK -> new SickReader(path).read();
          default -> new SemEvalStsReader(path, SemEvalStsTask.valueOf(name())).read();
        };
    return spread(pairs, limit);
  }

  /** {@code limit} items at evenly spaced positions of {@code items}, in order (all when fewer). */
  static <T> List<T> spread(List<T> items, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    if (items.size() <= limit) {
      return items;
    }
    List<T> picked = new ArrayList<>(limit);
    for (int i = 0; i < limit; i++) {
      picked.add(items.get((int) ((long) i * items.size() / limit)));
    }
    return picked;
  }
}
