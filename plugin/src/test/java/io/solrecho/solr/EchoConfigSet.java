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

import static org.junit.Assert.assertTrue;

import io.solrecho.ProjectFixtures;
import io.solrecho.embed.Embedder;
import io.solrecho.embed.EmbeddingParameters;
import io.solrecho.lm.LmOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.solr.common.util.Utils;

/**
 * The project's configset ({@code solr-config/conf}) as the tests use it: copied to a temporary
 * folder, optionally edited, with the project's tiny GPT-2 ({@code fixtures/tiny-gpt2}) as its
 * model (through the {@code solr.echo.model.dir} system property that echo-models.json reads).
 */
final class EchoConfigSet {
  /** The system property the shipped echo-models.json reads the model folder from. */
  static final String MODEL_DIR_PROPERTY = "solr.echo.model.dir";

  private EchoConfigSet() {}

  /** The shipped configset folder ({@code solr-config/conf} of the repository). */
  static Path source() {
    Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    for (Path candidate :
        List.of(dir.resolve("../solr-config/conf"), dir.resolve("solr-config/conf"))) {
      if (Files.isRegularFile(candidate.resolve("solrconfig.xml"))) {
        return candidate.normalize();
      }
    }
    throw new IllegalStateException("solr-config/conf not found from " + dir);
  }

  /** The tiny model folder; sets the system property the configset reads it from. */
  static Path useToyModel() {
    Path folder = ProjectFixtures.tinyModel();
    System.setProperty(MODEL_DIR_PROPERTY, folder.toString());
    return folder;
  }

  /** Copies the configset into {@code instanceDir/conf}; returns the conf folder. */
  static Path copyTo(Path instanceDir) {
    Path conf = instanceDir.resolve("conf");
    try (Stream<Path> files = Files.list(source())) {
      Files.createDirectories(conf);
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.copy(file, conf.resolve(file.getFileName().toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return conf;
  }

  /** Replaces {@code from} (which must occur) by {@code to} in a file of {@code conf}. */
  static void edit(Path conf, String file, String from, String to) {
    try {
      Path path = conf.resolve(file);
      String text = Files.readString(path, StandardCharsets.UTF_8);
      assertTrue(file + " should contain " + from, text.contains(from));
      Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds to the copy in {@code conf} a second model's fields ({@code vectorField}, of the shipped
   * vector type, and {@code fingerprintField}) and, before the log processor of every shipped
   * chain, a processor writing {@code model}'s vectors of {@code title} into them.
   */
  static void addModelFields(Path conf, String model, String vectorField, String fingerprintField) {
    edit(
        conf,
        "managed-schema.xml",
        "<field name=\"echo_fingerprint\"",
        "<field name=\""
            + vectorField
            + "\" type=\"echo_vector\" indexed=\"true\" stored=\"true\"/><field name=\""
            + fingerprintField
            + "\" type=\"string\" indexed=\"true\" stored=\"true\"/><field"
            + " name=\"echo_fingerprint\"");
    edit(
        conf,
        "solrconfig.xml",
        "<processor class=\"solr.LogUpdateProcessorFactory\"/>",
        "<processor class=\"io.solrecho.solr.EchoUpdateProcessorFactory\"><str"
            + " name=\"model\">"
            + model
            + "</str><str name=\"inputField\">title</str><str name=\"outputField\">"
            + vectorField
            + "</str><str name=\"fingerprintField\">"
            + fingerprintField
            + "</str></processor><processor class=\"solr.LogUpdateProcessorFactory\"/>");
  }

  /** Adds {@code xml} to solrconfig.xml (before {@code </config>}). */
  static void addToSolrConfig(Path conf, String xml) {
    edit(conf, "solrconfig.xml", "</config>", xml + "\n</config>");
  }

  /** Removes the update chain {@code name} from solrconfig.xml in {@code conf}. */
  static void removeChain(Path conf, String name) {
    try {
      String config = Files.readString(conf.resolve("solrconfig.xml"), StandardCharsets.UTF_8);
      String chain = shippedChain(config, name);
      edit(conf, "solrconfig.xml", chain, "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shipped update chain {@code name}, as solrconfig.xml writes it. */
  private static String shippedChain(String config, String name) {
    int start = config.indexOf("<updateRequestProcessorChain name=\"" + name + "\"");
    assertTrue("no update chain " + name, start >= 0);
    int end =
        config.indexOf("</updateRequestProcessorChain>", start)
            + "</updateRequestProcessorChain>".length();
    return config.substring(start, end);
  }

  /**
   * The shipped chain that cuts passages, named {@code name}, with {@code onError} and {@code
   * batchSize} set and the parameters {@code more} (name, value pairs) set or added.
   */
  static String passagesChain(String name, String onError, int batchSize, String... more) {
    try {
      String config = Files.readString(source().resolve("solrconfig.xml"), StandardCharsets.UTF_8);
      String chain =
          shippedChain(config, "echo-passages")
              .replace("name=\"echo-passages\"", "name=\"" + name + "\"");
      List<String> parameters = new ArrayList<>(List.of("onError", onError, "batchSize"));
      parameters.add(String.valueOf(batchSize));
      parameters.addAll(List.of(more));
      for (int i = 0; i < parameters.size(); i += 2) {
        chain = withParameter(chain, parameters.get(i), parameters.get(i + 1));
      }
      return chain;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code chain} with the processor parameter {@code name} set to {@code value}, once. */
  private static String withParameter(String chain, String name, String value) {
    Matcher existing =
        Pattern.compile("<(str|int|bool) name=\"" + Pattern.quote(name) + "\">[^<]*</\\1>")
            .matcher(chain);
    String element = "<str name=\"" + name + "\">" + value + "</str>";
    if (existing.find()) {
      return existing.replaceFirst(Matcher.quoteReplacement(element));
    }
    return chain.replace(
        "<bool name=\"passages\">true</bool>", "<bool name=\"passages\">true</bool>" + element);
  }

  /** An update chain {@code name} like the shipped one, with {@code onError} changed. */
  static String chain(String name, String onError, int batchSize) {
    try {
      String config = Files.readString(source().resolve("solrconfig.xml"), StandardCharsets.UTF_8);
      int start = config.indexOf("<updateRequestProcessorChain");
      int end =
          config.indexOf("</updateRequestProcessorChain>")
              + "</updateRequestProcessorChain>".length();
      return config
          .substring(start, end)
          .replace("name=\"echo\" default=\"true\"", "name=\"" + name + "\"")
          .replace(
              "<str name=\"onError\">fail</str>", "<str name=\"onError\">" + onError + "</str>")
          .replace(
              "<int name=\"batchSize\">16</int>",
              "<int name=\"batchSize\">" + batchSize + "</int>");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A chain that indexes documents as they come, without embedding (to plant foreign vectors, and
   * to compare with Solr without the plugin).
   */
  static final String PLAIN_CHAIN = plainChain("plain");

  /** {@link #PLAIN_CHAIN} named {@code name}. */
  static String plainChain(String name) {
    return "<updateRequestProcessorChain name=\""
        + name
        + "\">"
        + "<processor class=\"solr.DistributedUpdateProcessorFactory\"/>"
        + "<processor class=\"solr.RunUpdateProcessorFactory\"/></updateRequestProcessorChain>";
  }

  /** {@code chain} with a TolerantUpdateProcessorFactory (no maxErrors: unlimited) in front. */
  static String tolerant(String chain) {
    int open = chain.indexOf('>') + 1;
    return chain.substring(0, open)
        + "<processor class=\"solr.TolerantUpdateProcessorFactory\"/>"
        + chain.substring(open);
  }

  /** The embedding parameters of {@code model} in the shipped echo-models.json. */
  static Map<String, String> modelParameters(String model) {
    try (InputStream in = Files.newInputStream(source().resolve("echo-models.json"))) {
      Map<?, ?> models = (Map<?, ?>) ((Map<?, ?>) Utils.fromJSON(in)).get("models");
      Map<String, String> parameters = new HashMap<>();
      ((Map<?, ?>) models.get(model)).forEach((k, v) -> parameters.put(k.toString(), v.toString()));
      return parameters;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An embedder with the settings of the shipped "toy" model, independent of Solr. */
  static Embedder toyEmbedder() throws IOException {
    Map<String, String> parameters = modelParameters("toy");
    LmOptions options = LmOptions.of(parameters.remove("device"), parameters.remove("dtype"));
    for (String runtime : new String[] {"path", "queueCapacity", "timeoutMs"}) {
      parameters.remove(runtime);
    }
    return Embedder.open(useToyModel(), options, EmbeddingParameters.parse(parameters));
  }
}
