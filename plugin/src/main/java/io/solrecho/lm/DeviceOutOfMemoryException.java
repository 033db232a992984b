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

import ai.djl.engine.EngineException;
import java.util.Locale;

/**
 * The device ran out of memory during a forward pass. The pass's arrays are freed before this is
 * thrown, so the same model can run a smaller batch right away; callers split the batch and retry.
 */
public final class DeviceOutOfMemoryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * What PyTorch writes when an allocation fails: its CUDA caching allocator ("CUDA out of memory.
   * Tried to allocate ..."), the CUDA runtime ("CUDA error: out of memory"), cuBLAS handle creation
   * ("CUBLAS_STATUS_ALLOC_FAILED"), and the CPU allocator ("DefaultCPUAllocator: can't allocate
   * memory: you tried to allocate ... bytes", or "not enough memory" in older versions).
   */
  private static final String[] ENGINE_MESSAGES = {
    "out of memory", "cublas_status_alloc_failed", "can't allocate memory", "not enough memory"
  };

  public DeviceOutOfMemoryException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether {@code error}, or one of its causes, is an engine error saying memory ran out. */
  static boolean isOutOfMemory(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DeviceOutOfMemoryException) {
        return true;
      }
      if (t instanceof EngineException && t.getMessage() != null) {
        String message = t.getMessage().toLowerCase(Locale.ROOT);
        for (String marker : ENGINE_MESSAGES) {
          if (message.contains(marker)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The first line of the engine's message, without PyTorch's stack trace. */
  static String firstLine(Throwable error) {
    String message = String.valueOf(error.getMessage()).strip();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
