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
package io.solrecho.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

/**
 * The keys and values of every layer for a constant start of prompts (a template's leading text),
 * computed once by {@link CausalLanguageModel#sharedPrefix} and reused by {@link
 * CausalLanguageModel#meanStates(TokenBatch, TokenSpans, SharedPrefix)}: a causal model's keys and
 * values of the first tokens do not depend on what follows them, so a batch whose rows all start
 * with these ids starts its pass after them. Rows that share only the first {@code k} ids reuse
 * those {@code k}. Holds native memory until closed (or until its model is closed); thread-safe.
 */
public final class SharedPrefix implements AutoCloseable {
  private final int[] ids;
  private final NDManager manager;
  private final NDArray[] keys;
  private final NDArray[] values;

  SharedPrefix(int[] ids, NDManager manager, int layers) {
    this.ids = ids.clone();
    this.manager = manager;
    this.keys = new NDArray[layers];
    this.values = new NDArray[layers];
  }

  /** The prefix's token ids. */
  public int[] ids() {
    return ids.clone();
  }

  /** Number of tokens. */
  public int length() {
    return ids.length;
  }

  /** Keeps layer {@code layer}'s keys and values {@code [1, kvHeads, length, headDim]}. */
  void record(int layer, NDArray key, NDArray value) {
    key.attach(manager);
    value.attach(manager);
    keys[layer] = key;
    values[layer] = value;
  }

  /**
   * How many leading ids every row of {@code batch} shares with this prefix, at most the first
   * pooled position of any row (pooled positions are always computed): 0 when the batch has
   * explicit position ids (left padding puts the prefix in different columns).
   */
  int sharedLength(TokenBatch batch, TokenSpans spans) {
    if (batch.positionIds() != null) {
      return 0;
    }
    int shared = Math.min(ids.length, spans.earliestStart());
    for (int[] row : batch.inputIds()) {
      int t = 0;
      while (t < shared && row[t] == ids[t]) {
        t++;
      }
      shared = t;
    }
    return shared;
  }

  /** Layer {@code layer}'s first {@code length} keys, as a view owned by {@code scope}. */
  NDArray keys(int layer, int length, NDManager scope) {
    return firstPositions(keys[layer], length, scope);
  }

  /** Layer {@code layer}'s first {@code length} values, as a view owned by {@code scope}. */
  NDArray values(int layer, int length, NDManager scope) {
    return firstPositions(values[layer], length, scope);
  }

  private static NDArray firstPositions(NDArray array, int length, NDManager scope) {
    NDArray view = array.get(new NDIndex().addAllDim(2).addSliceDim(0, length));
    view.attach(scope);
    return view;
  }

  @Override
  public void close() {
    manager.close();
  }

  @Override
  public String toString() {
    return "SharedPrefix(" + ids.length + " tokens)";
  }
}
