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

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to run a model: the device (CPU or GPU {@code N}; none chosen means auto: the first GPU when
 * the engine sees one) and the compute type (float32 or float16; none chosen means auto: float32 on
 * CPU, where float16 matrix products are tens of times slower, float16 on a GPU). Read from the
 * configuration strings {@code device} ({@code auto}, {@code cpu}, {@code cuda} or {@code cuda:N})
 * and {@code dtype} ({@code auto}, {@code float32} or {@code float16}) by {@link #of}.
 */
public final class LmOptions {
  private static final Pattern GPU = Pattern.compile("(?:cuda|gpu)(?::(\\d{1,4}))?");

  private final Device device;
  private final DataType dtype;

  private LmOptions(Device device, DataType dtype) {
    this.device = device;
    this.dtype = dtype;
  }

  /** {@code device=auto, dtype=auto}. */
  public static LmOptions defaults() {
    return new LmOptions(null, null);
  }

  /**
   * Validated options from configuration strings (null means {@code auto}).
   *
   * @throws IllegalArgumentException naming {@code device} or {@code dtype} when a value is unknown
   */
  public static LmOptions of(String device, String dtype) {
    return new LmOptions(parseDevice(device), parseDtype(dtype));
  }

  private static Device parseDevice(String device) {
    String d = device == null ? "auto" : device.trim().toLowerCase(Locale.ROOT);
    if (d.equals("auto")) {
      return null;
    }
    if (d.equals("cpu")) {
      return Device.cpu();
    }
    Matcher gpu = GPU.matcher(d);
    if (!gpu.matches()) {
      throw new IllegalArgumentException(
          "device: expected auto, cpu, cuda or cuda:N, got '" + device + "'");
    }
    return Device.gpu(gpu.group(1) == null ? 0 : Integer.parseInt(gpu.group(1)));
  }

  private static DataType parseDtype(String dtype) {
    String t = dtype == null ? "auto" : dtype.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "auto":
        return null;
      case "float32":
        return DataType.FLOAT32;
      case "float16":
        return DataType.FLOAT16;
      default:
        throw new IllegalArgumentException(
            "dtype: expected auto, float32 or float16, got '" + dtype + "'");
    }
  }

  /** The device asked for; empty for auto. */
  public Optional<Device> device() {
    return Optional.ofNullable(device);
  }

  /**
   * The compute type asked for ({@link DataType#FLOAT32} or {@link DataType#FLOAT16}); empty for
   * auto.
   */
  public Optional<DataType> dtype() {
    return Optional.ofNullable(dtype);
  }

  /** The device as configuration writes it: {@code auto}, {@code cpu} or {@code cuda:N}. */
  public String deviceName() {
    return describe(device);
  }

  /**
   * The compute type as configuration writes it: {@code auto}, {@code float32} or {@code float16}.
   */
  public String dtypeName() {
    return dtype == null ? "auto" : dtype.toString().toLowerCase(Locale.ROOT);
  }

  /** The device as configured: {@code auto}, {@code cpu} or {@code cuda:N}. */
  static String describe(Device device) {
    if (device == null) {
      return "auto";
    }
    return device.isGpu() ? "cuda:" + device.getDeviceId() : "cpu";
  }

  @Override
  public String toString() {
    return "device=" + deviceName() + ", dtype=" + dtypeName();
  }
}
