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
package io.solrecho.lm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.solrecho.ProjectFixtures;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.Test;

/**
 * Loading and running a model opens no network connection, and leaves DJL in offline mode.
 *
 * <p>The test watches connections with a recording {@link ProxySelector} installed as the JVM
 * default. Java asks that default selector before every connection it makes through the {@code
 * java.net} APIs: a {@link Socket} created without an explicit {@link Proxy} is backed by the JDK's
 * {@code SocksSocketImpl}, whose {@code connect} asks {@code ProxySelector.getDefault()} for a
 * proxy for {@code socket://host:port} even for direct connections; {@code HttpURLConnection} (what
 * {@code URL.openStream()} and DJL's downloader, {@code ai.djl.util.Utils.openUrl}, use) asks it
 * for the {@code http(s)://} URI first; and {@code java.net.http.HttpClient} does the same unless
 * built with its own selector. The selector answers {@link Proxy#NO_PROXY}, so connections behave
 * as before, but each shows up as a recorded URI. (Raw NIO {@code SocketChannel}s and native code
 * bypass it; the test's first step checks that the recorder does see a plain socket connection in
 * this JVM.)
 */
public class OfflineLoadingTest {

  /** Records every URI Java asks a proxy for and always answers "no proxy". */
  private static final class RecordingProxySelector extends ProxySelector {
    final List<URI> seen = new CopyOnWriteArrayList<>();

    @Override
    public List<Proxy> select(URI uri) {
      seen.add(uri);
      return List.of(Proxy.NO_PROXY);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {}
  }

  @Test
  public void loadingAndRunningAModelOpensNoConnection() throws Exception {
    ProxySelector previous = ProxySelector.getDefault();
    RecordingProxySelector recorder = new RecordingProxySelector();
    ProxySelector.setDefault(recorder);
    try {
      try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
          Socket client = new Socket()) {
        client.connect(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 2000);
      }
      assertTrue(
          "the recorder must see a plain socket connection, saw " + recorder.seen,
          recorder.seen.stream().anyMatch(uri -> "socket".equals(uri.getScheme())));
      recorder.seen.clear();

      Path folder = ProjectFixtures.referenceModel("llama");
      try (CausalLanguageModel model = CausalLanguageModel.load(folder, LmOptions.defaults())) {
        TokenBatch batch = ReferenceCase.read(folder).get(0).batch;
        model.forward(batch);
        model.lastTokenLogits(batch);
      }
      assertEquals(
          "connections attempted while loading and running the model", List.of(), recorder.seen);
    } finally {
      ProxySelector.setDefault(previous);
    }
  }

  @Test
  public void djlIsInOfflineModeOnceAModelIsLoaded() throws Exception {
    try (CausalLanguageModel model =
        CausalLanguageModel.load(ProjectFixtures.referenceModel("gpt2"), LmOptions.defaults())) {
      assertEquals("ai.djl.offline", "true", System.getProperty("ai.djl.offline"));
    }
  }
}
