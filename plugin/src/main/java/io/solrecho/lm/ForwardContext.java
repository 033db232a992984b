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
 * batch's own, the prefix being recorded (when the pass computes one), the {@link TokenRows} the
 * position-wise blocks run on, and, when only some positions are computed to the end (the pooled
 * ones in the last layer), the indices of those query positions among the rows.
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
  private final TokenRows rows;
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
      TokenRows rows,
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
    this.rows = rows;
    this.queryRows = queryRows;
    this.queriesPerRow = queriesPerRow;
  }

  /**
   * Every position is a query and a key, after the first {@code pastLength} positions of {@code
   * past} (null for none); {@code recording} keeps every layer's keys and values (null: none);
   * {@code cos}/{@code sin} null without rotary; {@code rows}: what the position-wise blocks run
   * on.
   */
  static ForwardContext allPositions(
      NDArray mask,
      NDArray cos,
      NDArray sin,
      NDArray halfTurn,
      SharedPrefix past,
      int pastLength,
      SharedPrefix recording,
      TokenRows rows) {
    return new ForwardContext(
        mask, cos, sin, cos, sin, halfTurn, past, pastLength, recording, rows, null, 0);
  }

  /**
   * Every position is a key, but only {@code queriesPerRow} positions of each sequence, the rows
   * {@code selected} ({@code [B * queriesPerRow]}), are queries.
   */
  ForwardContext selectingQueries(
      NDArray queryMask, NDArray queryCos, NDArray querySin, NDArray selected, long queriesPerRow) {
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
        rows,
        new NDIndex("{}", selected),
        queriesPerRow);
  }

  NDArray mask() {
    return mask;
  }

  /** The rows the position-wise blocks run on, and their place on the grid. */
  TokenRows rows() {
    return rows;
  }

  /**
   * The attention output {@code [B, queries, w]} as rows of the residual stream: the selected
   * queries as they are, every position as the pass's rows.
   */
  NDArray outputRows(NDArray output) {
    return queryRows == null ? rows.fromGrid(output) : output;
  }

  NDArray keyCos() {
    return keyCos;
  }

  NDArray keySin() {
    return keySin;
  }

  /**
   * The rotary embedding's fixed rotation {@code R} for this call, or null without rotary or when
   * every dim rotates.
   */
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

  /** The query rows of the rows {@code x}: all of them, or {@code [B, S, H]}. */
  NDArray queries(NDArray x) {
    if (queryRows == null) {
      return x;
    }
    long width = x.getShape().get(x.getShape().dimension() - 1);
    return x.reshape(-1, width).get(queryRows).reshape(rows.batch(), queriesPerRow, width);
  }
}
