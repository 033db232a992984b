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
import ai.djl.ndarray.types.Shape;

/**
 * What every layer of one forward call shares: the additive float32 attention mask {@code [B or 1,
 * 1, queries, keys]}, for rotary models the cos/sin tables of the keys' and the queries' positions
 * ({@code [B, 1, T, rotaryDim]}), the keys and values of a {@link SharedPrefix} that precede the
 * batch's own, the prefix being recorded (when the pass computes one), and, when only some
 * positions are computed to the end (the pooled ones in the last layer), the flat indices of those
 * query positions in {@code [B * T]}.
 */
final class ForwardContext {
  private final NDArray mask;
  private final NDArray keyCos;
  private final NDArray keySin;
  private final NDArray queryCos;
  private final NDArray querySin;
  private final NDArray halfTurn;
  private final SharedPrefix past;
  private final int pastLength;
  private final SharedPrefix recording;
  private final NDIndex queryRows;
  private final long queriesPerRow;

  private ForwardContext(
      NDArray mask,
      NDArray keyCos,
      NDArray keySin,
      NDArray queryCos,
      NDArray querySin,
      NDArray halfTurn,
      SharedPrefix past,
      int pastLength,
      SharedPrefix recording,
      NDIndex queryRows,
      long queriesPerRow) {
    this.halfTurn = halfTurn;
    this.mask = mask;
    this.keyCos = keyCos;
    this.keySin = keySin;
    this.queryCos = queryCos;
    this.querySin = querySin;
    this.past = past;
    this.pastLength = pastLength;
    this.recording = recording;
    this.queryRows = queryRows;
    this.queriesPerRow = queriesPerRow;
  }

  /**
   * Every position is a query and a key, after the first {@code pastLength} positions of {@code
   * past} (null for none); {@code recording} keeps every layer's keys and values (null: none);
   * {@code cos}/{@code sin} null without rotary.
   */
  static ForwardContext allPositions(
      NDArray mask,
      NDArray cos,
      NDArray sin,
      NDArray halfTurn,
      SharedPrefix past,
      int pastLength,
      SharedPrefix recording) {
    return new ForwardContext(
        mask, cos, sin, cos, sin, halfTurn, past, pastLength, recording, null, 0);
  }

  /**
   * Every position is a key, but only {@code queriesPerRow} positions of each row, at the flat
   * indices {@code rows} ({@code [B * queriesPerRow]} into {@code [B * T]}), are queries.
   */
  ForwardContext selectingQueries(
      NDArray queryMask, NDArray queryCos, NDArray querySin, NDArray rows, long queriesPerRow) {
    return new ForwardContext(
        queryMask,
        keyCos,
        keySin,
        queryCos,
        querySin,
        halfTurn,
        past,
        pastLength,
        recording,
        new NDIndex("{}", rows),
        queriesPerRow);
  }

  NDArray mask() {
    return mask;
  }

  NDArray keyCos() {
    return keyCos;
  }

  NDArray keySin() {
    return keySin;
  }

  /** The rotary embedding's fixed rotation {@code R} for this call, or null without rotary. */
  NDArray halfTurn() {
    return halfTurn;
  }

  NDArray queryCos() {
    return queryCos;
  }

  NDArray querySin() {
    return querySin;
  }

  /**
   * Layer {@code layer}'s keys and values {@code [B, kvHeads, T, headDim]} preceded by those of the
   * shared prefix, if any; recorded first when this pass computes a prefix.
   */
  NDArray[] withPast(int layer, NDArray key, NDArray value) {
    if (recording != null) {
      recording.record(layer, key, value);
    }
    if (past == null || pastLength == 0) {
      return new NDArray[] {key, value};
    }
    NDManager scope = key.getManager();
    Shape shape = key.getShape();
    Shape pastShape = new Shape(shape.get(0), shape.get(1), pastLength, shape.get(3));
    return new NDArray[] {
      past.keys(layer, pastLength, scope).broadcast(pastShape).concat(key, 2),
      past.values(layer, pastLength, scope).broadcast(pastShape).concat(value, 2)
    };
  }

  /** Whether only some positions are queries. */
  boolean selectsQueries() {
    return queryRows != null;
  }

  /** The query positions of {@code x} {@code [B, T, H]}: all of it, or {@code [B, S, H]}. */
  NDArray queries(NDArray x) {
    if (queryRows == null) {
      return x;
    }
    long batch = x.getShape().get(0);
    long width = x.getShape().get(2);
    return x.reshape(-1, width).get(queryRows).reshape(batch, queriesPerRow, width);
  }
}
