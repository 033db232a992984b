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
package io.solrecho.download;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A response body that fails with {@link SocketTimeoutException} when no byte arrives for the read
 * timeout. {@code java.net.http}'s request timeout stops at the response headers, so a stalled body
 * needs this watchdog: it closes the stream, which wakes the blocked reader.
 */
final class IdleTimeoutInputStream extends FilterInputStream {
  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "solr-echo-download-watchdog");
            thread.setDaemon(true);
            return thread;
          });

  private final Duration timeout;
  private final long timeoutNanos;
  private final ScheduledFuture<?> watch;
  private volatile long lastActivity = System.nanoTime();
  private volatile boolean expired;

  IdleTimeoutInputStream(InputStream in, Duration timeout) {
    super(in);
    this.timeout = timeout;
    this.timeoutNanos = timeout.toNanos();
    long period = Math.max(TimeUnit.MILLISECONDS.toNanos(10), timeoutNanos / 4);
    this.watch = WATCHDOG.scheduleWithFixedDelay(this::check, period, period, TimeUnit.NANOSECONDS);
  }

  private void check() {
    if (!expired && System.nanoTime() - lastActivity > timeoutNanos) {
      expired = true;
      try {
        in.close();
      } catch (IOException ignored) {
        // closing is only a way to wake the reader
      }
    }
  }

  @Override
  public int read() throws IOException {
    try {
      int b = in.read();
      return afterRead(b);
    } catch (IOException e) {
      throw expired ? timedOut(e) : e;
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    try {
      int n = in.read(buffer, offset, length);
      return afterRead(n);
    } catch (IOException e) {
      throw expired ? timedOut(e) : e;
    }
  }

  private int afterRead(int result) throws IOException {
    if (expired) {
      throw timedOut(null);
    }
    lastActivity = System.nanoTime();
    return result;
  }

  private SocketTimeoutException timedOut(IOException cause) {
    SocketTimeoutException e =
        new SocketTimeoutException(
            "no data received for " + timeout.toMillis() + " ms (read timeout)");
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }

  @Override
  public void close() throws IOException {
    watch.cancel(false);
    in.close();
  }
}
