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
package io.solrecho.cli;

import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/**
 * The message a person reads when a command fails: the messages of the failure and its causes,
 * without Java class names ({@code java.io.IOException: ...}), file-system failures said in words.
 */
final class FailureMessage {
  /**
   * A class name in front of a message, which {@code new SomeException(cause)} and {@code
   * toString()} write: {@code java.io.IOException: }.
   */
  private static final Pattern CLASS_NAME =
      Pattern.compile("(?<![\\w.])(?:[a-z_][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)(?::\\s*|$)");

  private FailureMessage() {}

  /**
   * The failure's message and those of its causes that add something, joined by "; caused by: ".
   */
  static String of(Throwable failure) {
    List<String> parts = new ArrayList<>();
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (isWrapper(t) && t.getCause() != null) {
        continue;
      }
      String text = describe(t);
      if (text.isEmpty() || parts.stream().anyMatch(p -> p.contains(text))) {
        continue;
      }
      parts.add(text);
    }
    if (parts.isEmpty()) {
      return "an internal error without a message; please report it"
          + " (SOLR_ECHO_DEBUG=1 prints the details)";
    }
    return String.join("; caused by: ", parts);
  }

  /** Exceptions that only carry another one. */
  private static boolean isWrapper(Throwable t) {
    return t instanceof UncheckedIOException
        || t instanceof ExecutionException
        || t instanceof CompletionException
        || t instanceof InvocationTargetException;
  }

  private static String describe(Throwable t) {
    if (t instanceof FileSystemException) {
      FileSystemException e = (FileSystemException) t;
      String file = e.getFile() == null ? "" : e.getFile();
      String other = e.getOtherFile() == null ? "" : " -> " + e.getOtherFile();
      if (e instanceof NoSuchFileException) {
        return "no such file or folder: " + file + other;
      } else if (e instanceof AccessDeniedException) {
        return "permission denied: " + file + other;
      } else if (e instanceof FileAlreadyExistsException) {
        return "already exists: " + file + other;
      } else if (e instanceof NotDirectoryException) {
        return "not a folder: " + file;
      } else if (e instanceof DirectoryNotEmptyException) {
        return "folder not empty: " + file;
      }
      return (file + other + (e.getReason() == null ? "" : ": " + e.getReason())).strip();
    }
    String message = t.getMessage() == null ? "" : t.getMessage();
    return CLASS_NAME.matcher(message).replaceAll("").strip();
  }
}
