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
 * The rows a pass's position-wise blocks (norms, projections, MLP) run on, and their place on the
 * attention grid {@code [B, T]}: one row per grid cell, or, for a ragged pass, one per real token,
 * so that padding costs nothing outside attention. On the grid a padding cell then holds a copy of
 * some real row: as a key it is masked out (its weight is exactly 0) and as a query its output is
 * dropped, so the results do not depend on what it holds.
 */
final class TokenRows {
  private final long batch;
  private final long length;
  private final long[] rowOfCell;
  private final NDIndex rows;
  private final NDIndex cells;

  private TokenRows(long batch, long length, long[] rowOfCell, NDIndex rows, NDIndex cells) {
    this.batch = batch;
    this.length = length;
    this.rowOfCell = rowOfCell;
    this.rows = rows;
    this.cells = cells;
  }

  /** One row per cell of the grid {@code [batch, length]}. */
  static TokenRows grid(long batch, long length) {
    return new TokenRows(batch, length, null, null, null);
  }

  /**
   * One row per real token of {@code mask} {@code [B][T]} (1 = real), with its indices made in
   * {@code call}; one per cell when no token is padding.
   */
  static TokenRows ragged(NDManager call, int[][] mask) {
    int batch = mask.length;
    int length = mask[0].length;
    long[] rowOfCell = new long[batch * length];
    long[] cells = new long[rowOfCell.length];
    long[] realCells = new long[rowOfCell.length];
    int real = 0;
    for (int cell = 0; cell < rowOfCell.length; cell++) {
      if (mask[cell / length][cell % length] != 0) {
        realCells[real] = cell;
        rowOfCell[cell] = real;
        cells[cell] = real++;
      } else {
        rowOfCell[cell] = -1;
      }
    }
    if (real == rowOfCell.length || real == 0) {
      return grid(batch, length);
    }
    long[] rows = new long[real];
    System.arraycopy(realCells, 0, rows, 0, real);
    return new TokenRows(
        batch,
        length,
        rowOfCell,
        new NDIndex("{}", call.create(rows)),
        new NDIndex("{}", call.create(cells)));
  }

  long batch() {
    return batch;
  }

  long length() {
    return length;
  }

  /** The rows of {@code grid} {@code [B, T, w]}: itself, or {@code [N, w]}. */
  NDArray fromGrid(NDArray grid) {
    if (rows == null) {
      return grid;
    }
    return grid.reshape(batch * length, -1).get(rows);
  }

  /** {@code rows} on the grid, {@code [B, T, w]}. */
  NDArray toGrid(NDArray rows) {
    if (cells == null) {
      return rows;
    }
    return rows.get(cells).reshape(batch, length, -1);
  }

  /**
   * The rows of the flat grid cells {@code b * T + t} in {@code gridCells}, all real tokens.
   *
   * @throws IllegalArgumentException for a padding cell of a ragged pass
   */
  long[] rowsOf(long[] gridCells) {
    if (rowOfCell == null) {
      return gridCells;
    }
    long[] out = new long[gridCells.length];
    for (int i = 0; i < gridCells.length; i++) {
      long row = rowOfCell[(int) gridCells[i]];
      if (row < 0) {
        throw new IllegalArgumentException("grid cell " + gridCells[i] + " is padding");
      }
      out[i] = row;
    }
    return out;
  }
}
