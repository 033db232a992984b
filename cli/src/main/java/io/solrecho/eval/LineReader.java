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

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a UTF-8 text file one line at a time (LF or CRLF endings, a leading byte-order mark
 * dropped; a file whose name ends in {@code .gz} is gunzipped on the way) and keeps the line
 * number, so that readers can report malformed input as {@code file:line: problem}.
 */
final class LineReader implements Closeable {
  private static final String GZIP_SUFFIX = ".gz";

  private final Path file;
  private final BufferedReader reader;
  private int lineNumber;

  LineReader(Path file) throws IOException {
    this.file = file;
    InputStream in = Files.newInputStream(file);
    if (isGzip(file)) {
      try {
        in = new GZIPInputStream(in);
      } catch (ZipException | EOFException e) {
        in.close();
        throw new MalformedDataException(file, 0, "not a gzip file (" + e.getMessage() + ")");
      }
    }
    // a decoder of its own reports malformed input, where a charset would replace it
    this.reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()));
  }

  private static boolean isGzip(Path file) {
    return file.getFileName().toString().endsWith(GZIP_SUFFIX);
  }

  /**
   * Checks up front that {@code file} is a readable regular file; {@code what} names it for the
   * message.
   */
  static Path requireFile(Path file, String what) {
    if (file == null) {
      throw new IllegalArgumentException(what + ": path is null");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(what + " not found (or not a regular file): " + file);
    }
    return file;
  }

  /** The next line without its terminator, or {@code null} at the end of the file. */
  String next() throws IOException {
    String line;
    try {
      line = reader.readLine();
    } catch (CharacterCodingException e) {
      throw new MalformedDataException(
          file, lineNumber + 1, "not valid UTF-8 (at or after this line)");
    } catch (ZipException | EOFException e) {
      if (!isGzip(file)) {
        throw e;
      }
      throw new MalformedDataException(
          file,
          lineNumber + 1,
          "damaged or truncated gzip data (at or after this line: " + e.getMessage() + ")");
    }
    if (line == null) {
      return null;
    }
    lineNumber++;
    if (lineNumber == 1 && line.startsWith("\uFEFF")) {
      line = line.substring(1);
    }
    return line;
  }

  /**
   * Reads the remaining lines as tab-separated rows: empty lines are skipped, every other row is
   * split with {@link #tabFields} and handed to {@code record}, which returns the row's record, or
   * {@code null} to pass over the row. While {@code record} runs, this reader is at the row's line,
   * so {@link #error} locates it.
   */
  <T> List<T> tabRows(Function<String[], T> record) throws IOException {
    List<T> records = new ArrayList<>();
    String line;
    while ((line = next()) != null) {
      if (line.isEmpty()) {
        continue;
      }
      T parsed = record.apply(tabFields(line));
      if (parsed != null) {
        records.add(parsed);
      }
    }
    return records;
  }

  /** The 1-based number of the line last returned by {@link #next()}, 0 before the first. */
  int lineNumber() {
    return lineNumber;
  }

  Path file() {
    return file;
  }

  /** An exception locating {@code problem} at the current line. */
  MalformedDataException error(String problem) {
    return new MalformedDataException(file, lineNumber, problem);
  }

  /** Splits the current line on tabs, keeping empty fields (quotes are ordinary characters). */
  static String[] tabFields(String line) {
    return line.split("\t", -1);
  }

  /**
   * Parses a finite number in {@code [min, max]} from {@code text}, or fails at the current line.
   */
  double parseScore(String text, String field, double min, double max) {
    double value;
    try {
      value = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw error(field + " is not a number: '" + text + "'");
    }
    if (!(value >= min && value <= max)) {
      throw error(field + " must be between " + min + " and " + max + ", got '" + text + "'");
    }
    return value;
  }

  /** Returns {@code text} unchanged, or fails at the current line when it is empty or blank. */
  String requireText(String text, String field) {
    if (text.isBlank()) {
      throw error(field + " is empty");
    }
    return text;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
