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
package io.solrecho.cli;

/**
 * Repeats an action until both a minimum count and a minimum time are reached; reports seconds per
 * run.
 */
final class Stopwatch {
  private Stopwatch() {}

  static double secondsPerRun(Runnable action, int warmups, int minRuns, double minSeconds) {
    for (int i = 0; i < warmups; i++) {
      action.run();
    }
    long start = System.nanoTime();
    long end = start + (long) (minSeconds * 1e9);
    int runs = 0;
    while (runs < minRuns || System.nanoTime() < end) {
      action.run();
      runs++;
    }
    return (System.nanoTime() - start) / 1e9 / runs;
  }
}
