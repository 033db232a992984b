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
package io.solrecho.embed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An LRU cache of query vectors keyed by (model fingerprint, template, mode, text), so repeated
 * queries skip the model. Thread-safe; a capacity of 0 disables it.
 */
public final class QueryCache {
  private final int capacity;
  private final Map<Key, float[]> entries;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  public QueryCache(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("queryCacheSize must be >= 0, got " + capacity);
    }
    this.capacity = capacity;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, float[]> eldest) {
            return size() > QueryCache.this.capacity;
          }
        };
  }

  /** The cached vector (a copy), or null; counts a hit or a miss. */
  public float[] get(String fingerprint, PromptTemplate template, String text) {
    float[] vector;
    synchronized (entries) {
      vector = entries.get(new Key(fingerprint, template.template(), template.mode(), text));
    }
    (vector == null ? misses : hits).incrementAndGet();
    return vector == null ? null : vector.clone();
  }

  /** Remembers {@code vector} (copied). */
  public void put(String fingerprint, PromptTemplate template, String text, float[] vector) {
    if (capacity == 0) {
      return;
    }
    synchronized (entries) {
      entries.put(new Key(fingerprint, template.template(), template.mode(), text), vector.clone());
    }
  }

  public long hits() {
    return hits.get();
  }

  public long misses() {
    return misses.get();
  }

  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  private record Key(String fingerprint, String template, EmbeddingMode mode, String text) {
    Key {
      Objects.requireNonNull(text, "text");
    }
  }
}
