package io.solrecho.lm;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * One tensor entry of a safetensors header: its name, element type, shape and byte range inside
 * the data section of {@code file}.
 */
record TensorInfo(String name, SafetensorsType type, long[] shape, long begin, long end, Path file) {

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
