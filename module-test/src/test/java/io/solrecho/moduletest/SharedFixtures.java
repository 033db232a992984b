package io.solrecho.moduletest;

import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the read-only {@code ../shared} folder beside the repository ({@code -Dsolrecho.shared}
 * overrides it), like the plugin's own test locator, which cannot be used here: the plugin must not be
 * on this module's classpath. Tests that need it are skipped, with a message naming the path.
 */
final class SharedFixtures {
  private SharedFixtures() {}

  /** A path inside the shared folder, or a skipped test when it is absent. */
  static Path resolve(String relative) {
    String configured = System.getProperty("solrecho.shared");
    Path shared = (configured != null ? Paths.get(configured) : Paths.get("..", "shared")).toAbsolutePath().normalize();
    assumeTrue("skipped: shared fixtures folder not found at " + shared
        + " (clone the repository beside ../shared or set -Dsolrecho.shared)", Files.isDirectory(shared));
    Path path = shared.resolve(relative);
    assumeTrue("skipped: shared fixture not found: " + path, Files.exists(path));
    return path;
  }
}
