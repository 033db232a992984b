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

/**
 * Measures the dense matrix-product rate of the engine on this machine, the ceiling a transformer
 * forward pass is compared with: {@code [m, k] x [k, n]} products in float32, timed after warm-up.
 */
final class MatmulProbe {
  private MatmulProbe() {}

  /** Sustained GFLOP/s of {@code [m,k] x [k,n]} over at least {@code seconds} of repeats. */
  static double gflops(int m, int k, int n, double seconds) {
    try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      NDArray a = manager.randomUniform(-1f, 1f, new Shape(m, k), DataType.FLOAT32);
      NDArray b = manager.randomUniform(-1f, 1f, new Shape(k, n), DataType.FLOAT32);
      for (int i = 0; i < 3; i++) {
        a.matMul(b).close();
      }
      long start = System.nanoTime();
      long end = start + (long) (seconds * 1e9);
      int repeats = 0;
      while (repeats < 5 || System.nanoTime() < end) {
        a.matMul(b).close();
        repeats++;
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      return 2.0 * m * k * n * repeats / elapsed / 1e9;
    }
  }
}
