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

/**
 * One triplet of the toy study: a query {@code [A, B]}, a positive {@code [A+, B+]} that
 * paraphrases both parts, and a negative that keeps one part of the query word for word and
 * contradicts the other (see {@link Kind}).
 */
public record ToyTriplet(String id, Kind kind, String query, String positive, String negative) {
  /** Which part of the sentence decides between the positive and the negative. */
  public enum Kind {
    /** The early part decides: the negative is {@code [A-, B]}, ending exactly as the query. */
    S1,
    /** The late part decides: the negative is {@code [A, B-]}, starting exactly as the query. */
    S2
  }

  public ToyTriplet {
    if (id == null || kind == null) {
      throw new IllegalArgumentException("toy triplet id and kind must not be null");
    }
    for (String text : new String[] {query, positive, negative}) {
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException(
            "toy triplet " + id + ": query, positive and negative must be non-blank");
      }
    }
  }
}
