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

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * GETs from the hub, following redirects by hand so that the token only ever goes to the hub's own
 * origin (scheme, host and port): the hub redirects LFS files to a CDN, which must not see it.
 */
final class HubClient {
  private static final int MAX_REDIRECTS = 10;
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final String USER_AGENT = "solr-echo (java.net.http)";

  private final HttpClient http;
  private final String token;
  private final Duration readTimeout;

  HubClient(Duration connectTimeout, Duration readTimeout, String token) {
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.token = token;
    this.readTimeout = readTimeout;
  }

  boolean hasToken() {
    return token != null;
  }

  /**
   * GETs {@code uri}, asking for the bytes from {@code rangeStart} on when it is positive, and
   * follows redirects.
   *
   * @return the first answer that is not a redirect, body open
   * @throws Unreachable when no connection can be made to the hub or to where it redirects
   * @throws IOException when the exchange fails otherwise (timeout, reset) or the redirects loop
   */
  HubResponse get(URI uri, long rangeStart) throws IOException {
    URI current = uri;
    String hubEtag = null;
    OptionalLong hubSize = OptionalLong.empty();
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      boolean hubOrigin = sameOrigin(current, uri);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(current)
              .GET()
              .timeout(readTimeout)
              .header("User-Agent", USER_AGENT);
      if (rangeStart > 0) {
        request.header("Range", "bytes=" + rangeStart + "-");
      }
      if (hubOrigin && token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      HttpResponse<InputStream> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while requesting " + current);
      } catch (IOException e) {
        if (isConnectFailure(e)) {
          throw new Unreachable(current, e);
        }
        throw e;
      }
      if (hubOrigin) {
        // the last answer of the hub's own that names the file wins: after a redirect within the
        // hub (a renamed repository, the resolve cache) it is the one that serves or links it
        hubEtag =
            response
                .headers()
                .firstValue("x-linked-etag")
                .orElse(response.headers().firstValue("etag").orElse(hubEtag));
        if (hubSize.isEmpty()) {
          hubSize = response.headers().firstValueAsLong("x-linked-size");
        }
      }
      String location = response.headers().firstValue("location").orElse(null);
      if (!REDIRECTS.contains(response.statusCode()) || location == null) {
        return new HubResponse(response, hubEtag, hubSize);
      }
      response.body().close();
      current = current.resolve(location);
    }
    throw new IOException("more than " + MAX_REDIRECTS + " redirects starting from " + uri);
  }

  /**
   * No connection could be made to {@link #uri}'s host: refused, unresolvable, unroutable or timed
   * out.
   */
  static final class Unreachable extends IOException {
    private static final long serialVersionUID = 1L;
    final transient URI uri;

    Unreachable(URI uri, IOException cause) {
      super(why(uri, cause), cause);
      this.uri = uri;
    }

    private static String why(URI uri, IOException cause) {
      String host = uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
      for (Throwable t = cause; t != null; t = t.getCause()) {
        if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
          return "cannot resolve host " + uri.getHost();
        }
        if (t instanceof HttpConnectTimeoutException) {
          return "no connection to " + host + " before the connect timeout";
        }
      }
      return "cannot connect to " + host + ": " + ResumableDownload.explain(cause);
    }
  }

  private static boolean isConnectFailure(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof HttpConnectTimeoutException
          || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException
          || t instanceof UnresolvedAddressException) {
        return true;
      }
    }
    return false;
  }

  static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null
        && a.getHost()
            .toLowerCase(Locale.ROOT)
            .equals(b.getHost() == null ? null : b.getHost().toLowerCase(Locale.ROOT))
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
