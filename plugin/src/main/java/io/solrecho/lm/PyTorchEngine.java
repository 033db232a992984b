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
import ai.djl.engine.Engine;
import ai.djl.util.cuda.CudaUtils;
import java.lang.management.MemoryUsage;
import java.util.function.Supplier;

/**
 * Access to DJL's PyTorch engine, offline. DJL finds engines through the thread context class
 * loader, which inside Solr is not the plugin's loader, so every engine call made here runs with
 * the plugin's loader installed. Offline mode and the tracking opt-out are set before DJL starts,
 * so nothing is downloaded or reported at run time.
 */
final class PyTorchEngine {
  static final String NAME = "PyTorch";

  private PyTorchEngine() {}

  static {
    setIfAbsent("ai.djl.offline", "true");
    setIfAbsent("OPT_OUT_TRACKING", "true");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  /** The engine, loaded through this plugin's class loader. */
  static Engine get() {
    return withPluginClassLoader(
        () -> {
          try {
            return Engine.getEngine(NAME);
          } catch (RuntimeException e) {
            throw new IllegalStateException(
                "the DJL PyTorch engine could not start (offline mode: the native library must"
                    + " come from the pytorch-native jar on the classpath or PYTORCH_LIBRARY_PATH): "
                    + e.getMessage(),
                e);
          }
        });
  }

  /** Resolves {@code auto} and validates a GPU index against the GPUs the engine sees. */
  static Device device(LmOptions options) {
    Engine engine = get();
    int gpus = engine.getGpuCount();
    Device asked = options.device().orElse(null);
    if (asked == null) {
      return gpus > 0 ? Device.gpu(0) : Device.cpu();
    }
    if (!asked.isGpu()) {
      return Device.cpu();
    }
    if (asked.getDeviceId() >= gpus) {
      String build = engine.hasCapability("CUDA") ? "a CUDA build" : "a CPU-only build";
      throw new IllegalArgumentException(
          "device: "
              + LmOptions.describe(asked)
              + " requested but the PyTorch engine sees "
              + gpus
              + " GPU(s) (libtorch "
              + engine.getVersion()
              + ", "
              + build
              + "); use device=cpu or device=auto,"
              + " or give DJL a CUDA libtorch (PYTORCH_LIBRARY_PATH, see docs/gpu.md)");
    }
    return asked;
  }

  /** Bytes of memory free on GPU {@code device} now, as the CUDA runtime reports it. */
  static long freeMemory(Device device) {
    MemoryUsage usage = CudaUtils.getGpuMemory(device);
    return usage.getMax() - usage.getUsed();
  }

  /** Runs {@code action} with the plugin's class loader as the thread context class loader. */
  static <T> T withPluginClassLoader(Supplier<T> action) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(PyTorchEngine.class.getClassLoader());
    try {
      return action.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
