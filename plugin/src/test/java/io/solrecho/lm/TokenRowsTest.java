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

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * {@link TokenRows}: a ragged pass keeps exactly the real tokens as rows, in grid order, and puts
 * them back on the grid at their own cells; a pass without padding stays on the grid.
 */
public class TokenRowsTest {
  private static final int WIDTH = 2;
  private static NDManager manager;

  @BeforeClass
  public static void openManager() {
    manager =
        PyTorchEngine.withPluginClassLoader(() -> NDManager.newBaseManager(PyTorchEngine.NAME));
  }

  @AfterClass
  public static void closeManager() {
    manager.close();
  }

  /** {@code [B, T, WIDTH]} whose cell {@code b * T + t} holds {@code (cell, -cell)}. */
  private static NDArray cellNumbers(int batch, int length) {
    float[] values = new float[batch * length * WIDTH];
    for (int cell = 0; cell < batch * length; cell++) {
      values[cell * WIDTH] = cell;
      values[cell * WIDTH + 1] = -cell;
    }
    return manager.create(values, new Shape(batch, length, WIDTH));
  }

  @Test
  public void aRaggedPassHasOneRowPerRealTokenInGridOrder() {
    int[][] mask = {{1, 1, 0, 0}, {1, 1, 1, 1}, {0, 1, 1, 0}};
    TokenRows rows = TokenRows.ragged(manager, mask);

    NDArray real = rows.fromGrid(cellNumbers(3, 4));

    assertEquals(new Shape(8, WIDTH), real.getShape());
    float[] firstColumn = real.get(":, 0").toFloatArray();
    assertArrayEquals(new float[] {0, 1, 4, 5, 6, 7, 9, 10}, firstColumn, 0f);
  }

  @Test
  public void realRowsGoBackToTheirOwnCellsAndPaddingCellsHoldSomeRealRow() {
    int[][] mask = {{1, 1, 0, 0}, {1, 1, 1, 1}, {0, 1, 1, 0}};
    TokenRows rows = TokenRows.ragged(manager, mask);
    NDArray grid = cellNumbers(3, 4);

    float[] back = rows.toGrid(rows.fromGrid(grid)).toFloatArray();

    float[] original = grid.toFloatArray();
    float[] realValues = rows.fromGrid(grid).get(":, 0").toFloatArray();
    for (int cell = 0; cell < 12; cell++) {
      float value = back[cell * WIDTH];
      if (mask[cell / 4][cell % 4] != 0) {
        assertEquals("cell " + cell, original[cell * WIDTH], value, 0f);
      } else {
        boolean isARealRow = false;
        for (float real : realValues) {
          isARealRow |= real == value;
        }
        assertTrue("padding cell " + cell + " holds " + value, isARealRow);
      }
      assertEquals("cell " + cell, -value, back[cell * WIDTH + 1], 0f);
    }
  }

  @Test
  public void gridCellsOfRealTokensNameTheirRowsAndPaddingCellsAreRefused() {
    int[][] mask = {{1, 1, 0, 0}, {1, 1, 1, 1}, {0, 1, 1, 0}};
    TokenRows rows = TokenRows.ragged(manager, mask);

    assertArrayEquals(new long[] {0, 2, 5, 7}, rows.rowsOf(new long[] {0, 4, 7, 10}));
    IllegalArgumentException padding =
        assertThrows(IllegalArgumentException.class, () -> rows.rowsOf(new long[] {1, 2}));
    assertEquals("grid cell 2 is padding", padding.getMessage());
  }

  @Test
  public void aPassWithoutPaddingStaysOnTheGrid() {
    TokenRows rows = TokenRows.ragged(manager, new int[][] {{1, 1, 1}, {1, 1, 1}});
    NDArray grid = cellNumbers(2, 3);

    assertSame(grid, rows.fromGrid(grid));
    assertSame(grid, rows.toGrid(grid));
    assertArrayEquals(new long[] {4, 1}, rows.rowsOf(new long[] {4, 1}));
    assertEquals(2, rows.batch());
    assertEquals(3, rows.length());
  }
}
