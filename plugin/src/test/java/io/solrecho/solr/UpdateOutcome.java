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
package io.solrecho.solr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.UpdateResponse;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.ToleratedUpdateError;
import org.apache.solr.common.util.NamedList;

/**
 * What one update request left: the ids indexed afterwards, and what the client was told (status,
 * message, and the ids a tolerant chain reported). Comparing the outcome of a request through the
 * echo chain with that of the same request through a chain without the plugin is how the tests
 * check that the chain behaves as Solr does.
 */
record UpdateOutcome(Set<String> indexed, int status, String message, Set<String> reported) {
  /** Sends the request. */
  @FunctionalInterface
  interface Request {
    UpdateResponse send() throws Exception;
  }

  /** Reads the ids indexed, after a commit. */
  @FunctionalInterface
  interface Indexed {
    Set<String> ids() throws Exception;
  }

  /** Sends {@code request} and reads what it left. */
  static UpdateOutcome of(Request request, Indexed indexed) throws Exception {
    int status = 200;
    String message = null;
    Set<String> reported = new TreeSet<>();
    try {
      UpdateResponse rsp = request.send();
      List<?> errors = (List<?>) rsp.getResponseHeader().get("errors");
      if (errors != null) {
        for (Object error : errors) {
          reported.add((String) ((Map<?, ?>) error).get("id"));
        }
      }
    } catch (SolrServerException e) {
      status = -1; // no answer from Solr: an embedded client passes on what broke
      message = e.getMessage();
    } catch (SolrException e) {
      status = e.code();
      message = e.getMessage();
      NamedList<String> metadata = e.getMetadata();
      for (int i = 0; metadata != null && i < metadata.size(); i++) {
        ToleratedUpdateError error =
            ToleratedUpdateError.parseMetadataIfToleratedUpdateError(
                metadata.getName(i), metadata.getVal(i));
        if (error != null) {
          reported.add(error.getId());
        }
      }
    }
    return new UpdateOutcome(new TreeSet<>(indexed.ids()), status, message, reported);
  }

  /**
   * The same documents are indexed and the client is told the same as by {@code plain}, the outcome
   * without the plugin; the message may say more.
   */
  void assertSameAs(UpdateOutcome plain) {
    assertEquals("indexed", plain.indexed(), indexed);
    assertEquals("status", plain.status(), status);
    assertEquals("reported ids", plain.reported(), reported);
    if (plain.message() != null) {
      assertTrue(
          "'" + message + "' should contain '" + plain.message() + "'",
          message != null && message.contains(plain.message()));
    }
  }
}
