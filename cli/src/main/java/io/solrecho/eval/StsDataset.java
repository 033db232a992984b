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

import io.solrecho.embed.WholeNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The STS test sets of the evaluation: STS Benchmark test, SICK-R and the pooled pairs of each
 * SemEval year 2012..2016. Each has its place in a local data folder ({@link #location()}, the
 * original files) and its file on the Hugging Face hub ({@link #hub()}, MTEB's copy at the revision
 * MTEB pins).
 */
public enum StsDataset {
  STSB(
      "STS-B",
      "stsbenchmark/sts-test.csv",
      mteb("stsbenchmark-sts", "b0fddb56ed78048fa8b90373c8a3cfc37b684831"),
      0),
  SICK("SICK-R", "sick/SICK.txt", mteb("sickr-sts", "20a6d6f312dd54037fe07a32d58e5e168867909d"), 1),
  STS12("STS12", "sts12-16", mteb("sts12-sts", "a0d554a64d88156834ff5ae9920b964011b16384"), 0),
  STS13("STS13", "sts12-16", mteb("sts13-sts", "7e90230a92c190f1bf69ae9002b8cea547a64cca"), 0),
  STS14("STS14", "sts12-16", mteb("sts14-sts", "6031580fec1f6af667f0bd2da0a551cf4f0b2375"), 0),
  STS15("STS15", "sts12-16", mteb("sts15-sts", "ae752c7c21bf194d8b67fd573edf7ae58183cbe3"), 0),
  STS16("STS16", "sts12-16", mteb("sts16-sts", "4d8694f8f0e0100860b497b999b3dbed754a0513"), 0);

  /** The highest gold score of every set. */
  private static final double MAX_SCORE = 5;

  private final String title;
  private final String location;
  private final HubDataFile hub;
  private final double minScore;

  StsDataset(String title, String location, HubDataFile hub, double minScore) {
    this.title = title;
    this.location = location;
    this.hub = hub;
    this.minScore = minScore;
  }

  /** The test split of MTEB's repository {@code mteb/<name>} at a commit. */
  private static HubDataFile mteb(String name, String revision) {
    return new HubDataFile("mteb/" + name, revision, "test.jsonl.gz");
  }

  /** The command-line name: {@code stsb}, {@code sick}, {@code sts12}, ... */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The name in reports: {@code STS-B}, {@code SICK-R}, {@code STS12}, ... */
  public String title() {
    return title;
  }

  /** The file or folder this set is read from, relative to a local data folder. */
  public String location() {
    return location;
  }

  /** The set's file on the Hugging Face hub. */
  public HubDataFile hub() {
    return hub;
  }

  /** The lowest gold score: 0, or 1 for SICK's relatedness. */
  public double minScore() {
    return minScore;
  }

  /** The highest gold score, 5. */
  public double maxScore() {
    return MAX_SCORE;
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
   * {@code limit} items at evenly spaced positions of {@code items} (every (size/limit)-th), in
   * order, all of them when there are fewer: a quick run still sees every genre and SemEval subset.
   */
  static <T> List<T> spread(List<T> items, int limit) {
    WholeNumber.atLeast("limit", limit, 1);
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
