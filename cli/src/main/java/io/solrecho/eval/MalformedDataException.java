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
