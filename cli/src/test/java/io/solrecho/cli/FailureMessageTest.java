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

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.ExecutionException;
import org.junit.Test;

/** The messages a failed command prints: its causes' words, no Java class names. */
public class FailureMessageTest {
  @Test
  public void classNamesThatWrappingPutsInFrontAreDropped() {
    assertEquals(
        "disk full", FailureMessage.of(new RuntimeException(new IOException("disk full"))));
    assertEquals(
        "reading the model: truncated header",
        FailureMessage.of(
            new IOException(
                "reading the model: java.io.EOFException: truncated header",
                new IllegalStateException("java.io.EOFException: truncated header"))));
  }

  @Test
  public void causesThatAddSomethingAreKept() {
    assertEquals(
        "cannot start Solr; caused by: address in use",
        FailureMessage.of(
            new IllegalStateException("cannot start Solr", new IOException("address in use"))));
  }

  @Test
  public void fileSystemFailuresAreSaidInWords() {
    assertEquals(
        "no such file or folder: /data/x.json",
        FailureMessage.of(new UncheckedIOException(new NoSuchFileException("/data/x.json"))));
    assertEquals(
        "permission denied: /out",
        FailureMessage.of(new ExecutionException(new AccessDeniedException("/out"))));
  }

  @Test
  public void aFailureWithoutAnyMessageAsksForAReport() {
    assertEquals(
        "an internal error without a message; please report it"
            + " (SOLR_ECHO_DEBUG=1 prints the details)",
        FailureMessage.of(new NullPointerException()));
  }
}
