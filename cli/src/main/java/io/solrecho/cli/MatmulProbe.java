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
package io.solrecho.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Locale;

/**
 * Measures the dense matrix-product rate of the engine on a device in a compute type, the ceiling a
 * transformer forward pass on that device is compared with: {@code [m, k] x [k, n]} products, timed
 * after warm-up. Products on a GPU run asynchronously, so the timing ends when the last one has
 * been read back.
 */
final class MatmulProbe {
  private final Device device;
  private final DataType type;
  private final int m;
  private final int k;
  private final int n;

  /**
   * A probe of {@code [m,k] x [k,n]} products in {@code dtype} ({@code float32} or {@code float16})
   * on {@code device}.
   */
  MatmulProbe(Device device, String dtype, int m, int k, int n) {
    this.device = device;
    this.type = dtype.equals("float16") ? DataType.FLOAT16 : DataType.FLOAT32;
    this.m = m;
    this.k = k;
    this.n = n;
  }

  /** Sustained GFLOP/s over at least {@code seconds} of repeats (and at least 5). */
  double gflops(double seconds) {
    try (NDManager manager = NDManager.newBaseManager(device, "PyTorch")) {
      NDArray a = manager.randomUniform(-1f, 1f, new Shape(m, k)).toType(type, false);
      NDArray b = manager.randomUniform(-1f, 1f, new Shape(k, n)).toType(type, false);
      NDArray last = null;
      for (int i = 0; i < 3; i++) {
        last = next(a, b, last);
      }
      finish(last);
      long start = System.nanoTime();
      long end = start + (long) (seconds * 1e9);
      int repeats = 0;
      last = null;
      while (repeats < 5 || System.nanoTime() < end) {
        last = next(a, b, last);
        repeats++;
      }
      finish(last);
      double elapsed = (System.nanoTime() - start) / 1e9;
      return 2.0 * m * k * n * repeats / elapsed / 1e9;
    }
  }

  /** One more product, freeing the previous one (the device keeps their order). */
  private static NDArray next(NDArray a, NDArray b, NDArray previous) {
    NDArray product = a.matMul(b);
    if (previous != null) {
      previous.close();
    }
    return product;
  }

  /** Waits for {@code product} to be computed by reading one of its elements back. */
  private static void finish(NDArray product) {
    try (NDArray corner = product.get(0, 0).toType(DataType.FLOAT32, false)) {
      corner.getFloat();
    }
    product.close();
  }

  @Override
  public String toString() {
    return m
        + "x"
        + k
        + " * "
        + k
        + "x"
        + n
        + " "
        + type.toString().toLowerCase(Locale.ROOT)
        + " on "
        + device;
  }
}
