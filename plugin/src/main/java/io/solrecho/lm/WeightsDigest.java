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

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * SHA-256 of a checkpoint's content, cheap on any size: every tensor, in name order, contributes
 * its name, dtype and shape and its bytes, all of them for a tensor of at most {@value
 * #WHOLE_TENSOR_BYTES} bytes (norms, biases, small models), else {@value #WINDOWS} windows of
 * {@value #WINDOW_BYTES} bytes spread evenly over it, the first and the last included. A 15 GB
 * checkpoint of 300 tensors reads about 20 MB.
 *
 * <p>Fine-tuning, even with a merged low-rank adapter, changes nearly every value of the tensors it
 * touches, so it changes the digest; a change confined to the unsampled bytes of a large tensor is
 * not seen. The digest does not depend on how the tensors are spread over files or ordered in them.
 */
final class WeightsDigest {
  /** Tensors up to this size are read whole. */
  static final int WHOLE_TENSOR_BYTES = 64 * 1024;

  /** Windows read from a larger tensor. */
  static final int WINDOWS = 16;

  static final int WINDOW_BYTES = WHOLE_TENSOR_BYTES / WINDOWS;

  /** Reads bytes of a tensor's data, from {@code offset} until {@code into} is full. */
  @FunctionalInterface
  interface TensorBytes {
    void read(TensorInfo tensor, long offset, ByteBuffer into) throws IOException;
  }

  private WeightsDigest() {}

  /** The hex digest of {@code tensors}, whose bytes {@code bytes} reads. */
  static String of(Map<String, TensorInfo> tensors, TensorBytes bytes) throws IOException {
    MessageDigest digest = sha256();
    ByteBuffer window = ByteBuffer.allocate(WINDOW_BYTES);
    for (TensorInfo tensor : new TreeMap<>(tensors).values()) {
      digest.update(
          (tensor.name() + ':' + tensor.type() + ':' + tensor.shapeText() + '\n')
              .getBytes(StandardCharsets.UTF_8));
      long length = tensor.end() - tensor.begin();
      for (long offset : windowOffsets(length)) {
        window.clear().limit((int) Math.min(WINDOW_BYTES, length - offset));
        bytes.read(tensor, offset, window);
        window.flip();
        digest.update(window);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * Where the windows of a tensor of {@code length} bytes start: back to back over a small tensor,
   * evenly spread over a large one.
   */
  static long[] windowOffsets(long length) {
    if (length <= WHOLE_TENSOR_BYTES) {
      long[] offsets = new long[(int) ((length + WINDOW_BYTES - 1) / WINDOW_BYTES)];
      for (int i = 0; i < offsets.length; i++) {
        offsets[i] = (long) i * WINDOW_BYTES;
      }
      return offsets;
    }
    long[] offsets = new long[WINDOWS];
    for (int i = 0; i < WINDOWS; i++) {
      offsets[i] = (length - WINDOW_BYTES) / (WINDOWS - 1) * i;
    }
    offsets[WINDOWS - 1] = length - WINDOW_BYTES;
    return offsets;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
