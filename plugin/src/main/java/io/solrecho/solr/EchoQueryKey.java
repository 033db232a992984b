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
package io.solrecho.solr;

import org.apache.lucene.util.Accountable;
import org.apache.lucene.util.RamUsageEstimator;

/**
 * The key of a query vector in the query vector cache: the fingerprint of the model that embeds it
 * (model, weights and every setting, the query template included) and the query text. Only query
 * texts are cached, so the role is implied. Sized for the cache's memory accounting.
 */
record EchoQueryKey(String fingerprint, String text) implements Accountable {
  private static final long SHALLOW_BYTES =
      RamUsageEstimator.shallowSizeOfInstance(EchoQueryKey.class);

  @Override
  public long ramBytesUsed() {
    return SHALLOW_BYTES + RamUsageEstimator.sizeOf(fingerprint) + RamUsageEstimator.sizeOf(text);
  }
}
