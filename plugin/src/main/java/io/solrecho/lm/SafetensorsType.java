package io.solrecho.lm;

/** Element types of the safetensors format that the runtime can load as weights. */
enum SafetensorsType {
  F32(4),
  F16(2),
  BF16(2);

  private final int bytes;

  SafetensorsType(int bytes) {
    this.bytes = bytes;
  }

  int bytes() {
    return bytes;
  }

  /** The type named by a header's {@code dtype}, or null when the runtime cannot load it. */
  static SafetensorsType fromHeader(String dtype) {
    for (SafetensorsType type : values()) {
      if (type.name().equals(dtype)) {
        return type;
      }
    }
    return null;
  }
}
