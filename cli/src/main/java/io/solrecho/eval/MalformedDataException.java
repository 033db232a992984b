package io.solrecho.eval;

import java.nio.file.Path;

/**
 * A data file that does not have the layout its reader expects. The message names the file and the
 * 1-based line (when there is one) so the offending input can be opened and fixed directly.
 */
public final class MalformedDataException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;

  /**
   * @param file the data file
   * @param line the 1-based line number, or 0 when the problem concerns the file as a whole
   * @param problem what is wrong, and where helpful, what was expected
   */
  public MalformedDataException(Path file, int line, String problem) {
    super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    this.file = file;
    this.line = line;
  }

  /** The data file that is malformed. */
  public Path file() {
    return file;
  }

  /** The 1-based line number, or 0 when the problem concerns the file as a whole. */
  public int line() {
    return line;
  }
}
