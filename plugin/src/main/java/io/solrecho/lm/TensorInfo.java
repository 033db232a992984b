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

import java.nio.file.Path;
import java.util.Arrays;

/**
 * One tensor entry of a safetensors header: its name, element type, shape and byte range inside the
 * data section of {@code file}.
 */
record TensorInfo(
    String name, SafetensorsType type, long[] shape, long begin, long end, Path file) {

  long elementCount() {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }

  String shapeText() {
    return Arrays.toString(shape);
  }
}
