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
      throw new IllegalArgumentException("timing " + step + ": seconds must be >= 0, got " + seconds);
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
