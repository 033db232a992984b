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
import java.util.Map;

/**
 * How long one step of an evaluation took, with counts that give the time its meaning (texts,
 * tokens, documents, ...), e.g. {@code embed echo-mean: 41.2 s, texts=5012, tokens=180233}.
 */
public record Timing(String step, double seconds, Map<String, Long> counts) {
  public Timing {
    if (step == null || step.isBlank()) {
      throw new IllegalArgumentException("timing step must be named");
    }
    if (!(seconds >= 0)) {
      throw new IllegalArgumentException(
          "timing " + step + ": seconds must be >= 0, got " + seconds);
    }
    counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts == null ? Map.of() : counts));
  }

  /** A step without counts. */
  public static Timing of(String step, double seconds) {
    return new Timing(step, seconds, Map.of());
  }

  /** Seconds elapsed since {@code startNanos} ({@link System#nanoTime()}). */
  public static double secondsSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
