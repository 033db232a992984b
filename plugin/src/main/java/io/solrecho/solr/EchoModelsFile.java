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

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.PropertiesUtil;
import org.apache.solr.common.util.Utils;
import org.apache.solr.core.CoreContainer;
import org.apache.solr.core.SolrResourceLoader;

/**
 * The models of a configset, declared once in a JSON file beside solrconfig.xml (default {@value
 * #DEFAULT_RESOURCE}) and named by every processor and query parser that uses them:
 *
 * <pre>
 * { "models": {
 *     "toy": { "path": "${solr.echo.model.dir:models/tiny-gpt2}", "device": "cpu", "mode": "echo",
 *              "documentTemplate": "...{x}...{x}", "maxTokens": 100, "batchSize": 16 } } }
 * </pre>
 *
 * <p>The file is read through the core's resource loader, so in SolrCloud it lives in ZooKeeper
 * with the rest of the configset. {@code ${property:default}} in a string value is replaced by the
 * Java system property. A relative {@code path} resolves against {@code -Dsolr.echo.models.dir}
 * when set, else the Solr home. Values may be JSON strings, numbers or booleans.
 */
final class EchoModelsFile {
  static final String DEFAULT_RESOURCE = "echo-models.json";

  private EchoModelsFile() {}

  /**
   * The definition of {@code model} in {@code resource}, or a core-load error saying what is wrong.
   */
  static EchoModelDefinition definition(SolrResourceLoader loader, String resource, String model) {
    Map<String, Map<String, String>> declared = read(loader, resource);
    if (!declared.containsKey(model)) {
      throw unknownModel(resource, model, declared.keySet());
    }
    return parse(resource, model, declared.get(model), base(loader));
  }

  /**
   * Every model of {@code resource} by name, in the file's order, each checked; a core-load error
   * names the first that is wrong.
   */
  static Map<String, EchoModelDefinition> definitions(SolrResourceLoader loader, String resource) {
    Map<String, EchoModelDefinition> definitions = new LinkedHashMap<>();
    Path base = base(loader);
    read(loader, resource)
        .forEach(
            (name, parameters) -> definitions.put(name, parse(resource, name, parameters, base)));
    return definitions;
  }

  /** The core-load error for a processor or parser naming a model that {@code resource} lacks. */
  static SolrException unknownModel(String resource, String model, Set<String> declared) {
    return configError(
        resource + ": unknown model '" + model + "'; declared: " + new TreeSet<>(declared));
  }

  private static EchoModelDefinition parse(
      String resource, String model, Map<String, String> parameters, Path base) {
    try {
      return EchoModelDefinition.parse(model, parameters, base);
    } catch (IllegalArgumentException e) {
      throw configError(resource + ": " + e.getMessage());
    }
  }

  private static Map<String, Map<String, String>> read(SolrResourceLoader loader, String resource) {
    Object json;
    try (InputStream in = loader.openResource(resource)) {
      json = Utils.fromJSON(in);
    } catch (IOException | RuntimeException e) {
      throw configError(
          "cannot read the models file " + resource + " of the configset: " + e.getMessage());
    }
    if (!(json instanceof Map) || !(((Map<?, ?>) json).get("models") instanceof Map)) {
      throw configError(resource + ": expected {\"models\": {\"name\": {\"path\": ...}, ...}}");
    }
    Map<String, Map<String, String>> models = new LinkedHashMap<>();
    for (Map.Entry<?, ?> model : ((Map<?, ?>) ((Map<?, ?>) json).get("models")).entrySet()) {
      if (!(model.getValue() instanceof Map)) {
        throw configError(
            resource + ": model '" + model.getKey() + "' must be a JSON object of parameters");
      }
      Map<String, String> parameters = new LinkedHashMap<>();
      for (Map.Entry<?, ?> parameter : ((Map<?, ?>) model.getValue()).entrySet()) {
        Object value = parameter.getValue();
        if (value instanceof Map || value instanceof Iterable) {
          throw configError(
              resource
                  + ": model '"
                  + model.getKey()
                  + "', "
                  + parameter.getKey()
                  + ": expected a string, number or boolean");
        }
        if (value != null) {
          parameters.put(String.valueOf(parameter.getKey()), substitute(String.valueOf(value)));
        }
      }
      models.put(String.valueOf(model.getKey()), Collections.unmodifiableMap(parameters));
    }
    return models;
  }

  private static String substitute(String value) {
    return PropertiesUtil.substitute(value, System::getProperty);
  }

  /** Where relative model paths start: -Dsolr.echo.models.dir, else the Solr home. */
  static Path base(SolrResourceLoader loader) {
    String configured = System.getProperty(EchoModelDefinition.MODELS_DIR_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Paths.get(configured).toAbsolutePath();
    }
    CoreContainer container = loader.getCoreContainer();
    return container != null
        ? Paths.get(container.getSolrHome()).toAbsolutePath()
        : loader.getInstancePath();
  }

  private static SolrException configError(String message) {
    return new SolrException(SolrException.ErrorCode.SERVER_ERROR, message);
  }
}
