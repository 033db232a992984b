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
package io.solrecho;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the fidelity and echo reference tests compare against: every in-tree fixture, then, with
 * {@code -Pshared-oracle}, the fixtures of {@code ../shared} as an extra oracle.
 */
public final class Oracles {
  private Oracles() {}

  /** Every model folder with transformers' reference outputs, the tiny GPT-2 included. */
  public static List<ReferenceModel> referenceModels() {
    List<ReferenceModel> models = new ArrayList<>();
    for (String name : ProjectFixtures.REFERENCE_MODELS) {
      models.add(new ReferenceModel(name, ProjectFixtures.referenceModel(name)));
    }
    models.add(new ReferenceModel("tiny-gpt2", ProjectFixtures.tinyModel()));
    models.addAll(SharedFixtures.oracleModels());
    return models;
  }

  /**
   * Every set of echo reference embeddings: one per in-tree model, the tiny GPT-2, the oracle's.
   */
  public static List<EchoReference> echoReferences() {
    List<EchoReference> references = new ArrayList<>();
    for (String name : ProjectFixtures.REFERENCE_MODELS) {
      references.add(echoReference(name, ProjectFixtures.referenceModel(name)));
    }
    references.add(echoReference("tiny-gpt2", ProjectFixtures.tinyModel()));
    references.addAll(SharedFixtures.oracleEchoReferences());
    return references;
  }

  private static EchoReference echoReference(String name, Path folder) {
    return new EchoReference(name, folder, folder.resolve("echo_reference.json"));
  }
}
