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

import java.util.Locale;

/**
 * How to run a model: {@code device} ({@code auto}, {@code cpu}, {@code cuda} or {@code cuda:N})
 * and compute {@code dtype} ({@code auto}, {@code float32} or {@code float16}). {@code auto} picks
 * the first GPU when the engine sees one, and float32 on CPU (float16 matrix products on CPU are
 * tens of times slower) or float16 on a GPU.
 */
public final class LmOptions {
  private final String device;
  private final String dtype;

  private LmOptions(String device, String dtype) {
    this.device = device;
    this.dtype = dtype;
  }

  /** {@code device=auto, dtype=auto}. */
  public static LmOptions defaults() {
    return new LmOptions("auto", "auto");
  }

  /**
   * Validated options.
   *
   * @throws IllegalArgumentException naming {@code device} or {@code dtype} when a value is unknown
   */
  public static LmOptions of(String device, String dtype) {
    String d = device == null ? "auto" : device.trim().toLowerCase(Locale.ROOT);
    if (!d.equals("auto") && !d.equals("cpu") && !d.matches("(cuda|gpu)(:\\d{1,4})?")) {
      throw new IllegalArgumentException(
          "device: expected auto, cpu, cuda or cuda:N, got '" + device + "'");
    }
    String t = dtype == null ? "auto" : dtype.trim().toLowerCase(Locale.ROOT);
    if (!t.equals("auto") && !t.equals("float32") && !t.equals("float16")) {
      throw new IllegalArgumentException(
          "dtype: expected auto, float32 or float16, got '" + dtype + "'");
    }
    return new LmOptions(d, t);
  }

  /** The device as given ({@code auto}, {@code cpu}, {@code cuda:N}). */
  public String device() {
    return device;
  }

  /** The dtype as given ({@code auto}, {@code float32}, {@code float16}). */
  public String dtype() {
    return dtype;
  }

  /** The GPU index asked for, -1 for CPU, or null for auto. */
  Integer gpuIndex() {
    if (device.equals("auto")) {
      return null;
    }
    if (device.equals("cpu")) {
      return -1;
    }
    int colon = device.indexOf(':');
    return colon < 0 ? 0 : Integer.parseInt(device.substring(colon + 1));
  }

  @Override
  public String toString() {
    return "device=" + device + ", dtype=" + dtype;
  }
}
