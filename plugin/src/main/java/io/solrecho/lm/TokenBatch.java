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

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A rectangular batch of token id sequences with its attention mask and optional explicit position
 * ids, the input of {@link CausalLanguageModel#forward}.
 *
 * <p>Rows are padded to one length; {@code attentionMask[b][t] == 1} marks a real token. When
 * {@code positionIds} is null every row uses positions {@code 0..T-1}, as transformers does; pass
 * them explicitly for left padding.
 */
public final class TokenBatch {
  private final int[][] inputIds;
  private final int[][] attentionMask;
  private final int[][] positionIds;

  /**
   * Creates a batch from already padded arrays.
   *
   * @param inputIds token ids, {@code [B][T]}
   * @param attentionMask 1 for real tokens and 0 for padding, {@code [B][T]}
   * @param positionIds explicit positions {@code [B][T]}, or null for {@code 0..T-1}
   */
  public TokenBatch(int[][] inputIds, int[][] attentionMask, int[][] positionIds) {
    if (inputIds.length == 0) {
      throw new IllegalArgumentException("input_ids: a batch needs at least one sequence");
    }
    int length = inputIds[0].length;
    if (length == 0) {
      throw new IllegalArgumentException("input_ids: sequences must not be empty");
    }
    checkShape("input_ids", inputIds, inputIds.length, length);
    checkShape("attention_mask", attentionMask, inputIds.length, length);
    if (positionIds != null) {
      checkShape("position_ids", positionIds, inputIds.length, length);
    }
    this.inputIds = inputIds;
    this.attentionMask = attentionMask;
    this.positionIds = positionIds;
  }

  /** Right-pads {@code sequences} with {@code padId} and builds the matching attention mask. */
  public static TokenBatch rightPadded(List<int[]> sequences, int padId) {
    int length = sequences.stream().mapToInt(s -> s.length).max().orElse(0);
    int[][] ids = new int[sequences.size()][length];
    int[][] mask = new int[sequences.size()][length];
    for (int b = 0; b < ids.length; b++) {
      int[] sequence = sequences.get(b);
      Arrays.fill(ids[b], padId);
      System.arraycopy(sequence, 0, ids[b], 0, sequence.length);
      Arrays.fill(mask[b], 0, sequence.length, 1);
    }
    return new TokenBatch(ids, mask, null);
  }

  private static void checkShape(String name, int[][] rows, int batch, int length) {
    if (rows == null || rows.length != batch) {
      throw new IllegalArgumentException(name + ": expected " + batch + " rows");
    }
    for (int b = 0; b < batch; b++) {
      if (rows[b] == null || rows[b].length != length) {
        throw new IllegalArgumentException(
            name
                + ": row "
                + b
                + " has length "
                + (rows[b] == null ? 0 : rows[b].length)
                + ", expected "
                + length
                + " (pad all rows to one length)");
      }
    }
  }

  /** Number of sequences. */
  public int size() {
    return inputIds.length;
  }

  /** Padded length of every row. */
  public int length() {
    return inputIds[0].length;
  }

  /** Indices of the real tokens of row {@code b}, in order. */
  public int[] realPositions(int b) {
    int[] row = attentionMask[b];
    return IntStream.range(0, row.length).filter(t -> row[t] != 0).toArray();
  }

  int[][] inputIds() {
    return inputIds;
  }

  int[][] attentionMask() {
    return attentionMask;
  }

  int[][] positionIds() {
    return positionIds;
  }
}
