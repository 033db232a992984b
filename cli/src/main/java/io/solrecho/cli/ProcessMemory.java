package io.solrecho.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;

/** Resident memory of this process (heap + native, from /proc) and used Java heap, in MiB. */
public final class ProcessMemory {
  private ProcessMemory() {}

  /** VmRSS in MiB, or -1 where /proc is not available. */
  public static double residentMiB() {
    try {
      for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** Java heap in use (including garbage not yet collected), in MiB. */
  public static double heapUsedMiB() {
    Runtime r = Runtime.getRuntime();
    return (r.totalMemory() - r.freeMemory()) / (1024.0 * 1024.0);
  }
}
