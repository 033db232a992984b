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

import com.codahale.metrics.Gauge;
import com.codahale.metrics.Metric;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.lucene.util.Accountable;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.core.SolrCore;
import org.apache.solr.core.SolrResourceLoader;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Configuration is checked when a core loads, with a message naming what to fix; models are shared
 * by every core of the JVM that declares them and released with the last one.
 */
public class EchoConfigurationTest extends EchoSolrTestCase {
  private static EchoModelDefinition toy;

  @BeforeClass
  public static void startCore() throws Exception {
    initEchoCore(conf -> {});
    try (SolrCore core = h.getCoreContainer().getCore(CORE)) {
      toy =
          EchoModelsFile.definition(
              core.getResourceLoader(), EchoModelsFile.DEFAULT_RESOURCE, "toy");
    }
  }

  private static EchoModelRegistry registry() {
    return EchoModelRegistry.of(h.getCoreContainer());
  }

  /**
   * The core must fail to load with a message containing every fragment; its model leases are
   * released.
   */
  /** The property the shipped managed-schema.xml reads its vectorDimension from. */
  private static final String VECTOR_DIMENSION_PROPERTY = "solr.echo.vector.dimension";

  private static void assertCoreFails(Consumer<Path> edits, String... fragments) {
    int users = registry().users(toy);
    String messages = coreFailure("bad" + random().nextInt(1_000_000), edits);
    for (String fragment : fragments) {
      assertTrue(messages + "\nshould contain: " + fragment, messages.contains(fragment));
    }
    assertEquals("leases of the failed core released", users, registry().users(toy));
  }

  @Test
  public void anUnknownModelNameFailsTheCore() {
    assertCoreFails(
        conf -> EchoConfigSet.edit(conf, "echo-models.json", "\"toy\": {", "\"other\": {"),
        "echo-models.json: unknown model 'toy'; declared: [other]");
  }

  @Test
  public void aVectorFieldOfAnotherDimensionFailsTheCore() {
    assertCoreFails(
        conf ->
            EchoConfigSet.edit(
                conf,
                "managed-schema.xml",
                "vectorDimension=\"${solr.echo.vector.dimension:16}\"",
                "vectorDimension=\"8\""),
        "outputField 'vector' has vectorDimension 8 but model 'toy' writes vectors of 16");
  }

  @Test
  public void theShippedSchemaReadsTheVectorDimensionFromASystemProperty() {
    System.setProperty(VECTOR_DIMENSION_PROPERTY, "8");
    try {
      assertCoreFails(
          conf -> {},
          "outputField 'vector' has vectorDimension 8 but model 'toy' writes vectors of 16");
    } finally {
      System.clearProperty(VECTOR_DIMENSION_PROPERTY);
    }
  }

  @Test
  public void anOutputFieldThatIsNotADenseVectorFieldFailsTheCore() {
    assertCoreFails(
        conf ->
            EchoConfigSet.edit(
                conf,
                "solrconfig.xml",
                "<str name=\"outputField\">vector</str>",
                "<str name=\"outputField\">category</str>"),
        "outputField 'category' has type StrField",
        "must be a DenseVectorField");
  }

  @Test
  public void aMissingOutputFieldFailsTheCore() {
    assertCoreFails(
        conf ->
            EchoConfigSet.edit(
                conf,
                "solrconfig.xml",
                "<str name=\"outputField\">vector</str>",
                "<str name=\"outputField\">nosuch</str>"),
        "outputField 'nosuch' is not defined in the schema");
  }

  @Test
  public void aVectorFieldThatIsNotStoredFailsTheCore() {
    assertCoreFails(
        conf ->
            EchoConfigSet.edit(
                conf,
                "managed-schema.xml",
                "name=\"vector\" type=\"echo_vector\" indexed=\"true\" stored=\"true\"",
                "name=\"vector\" type=\"echo_vector\" indexed=\"true\" stored=\"false\""),
        "must be stored=\"true\"");
  }

  private static final String TEXT_HASH_FIELD =
      "<field name=\"echo_text_hash\" type=\"string\" indexed=\"false\" stored=\"true\""
          + " docValues=\"false\"/>";

  @Test
  public void reuseVectorsNeedsTheTextHashField() throws Exception {
    Consumer<Path> noHash =
        conf -> EchoConfigSet.edit(conf, "managed-schema.xml", TEXT_HASH_FIELD, "");
    assertCoreFails(
        noHash, "reuseVectors needs textHashField 'echo_text_hash'", "or set reuseVectors=false");
    createCore(
        "nohash",
        noHash.andThen(
            conf -> {
              EchoConfigSet.removeChain(conf, "echo-passages");
              EchoConfigSet.edit(
                  conf,
                  "solrconfig.xml",
                  "<bool name=\"reuseVectors\">true</bool>",
                  "<bool name=\"reuseVectors\">false</bool>");
            }));
    try (EmbeddedSolrServer other = new EmbeddedSolrServer(h.getCoreContainer(), "nohash")) {
      other.add(textDoc("1", "Embedded without a text hash."));
      other.commit();
      assertVectorEquals(
          documentVector("Embedded without a text hash."),
          vectorOf(other.query(params("q", "id:1", "fl", "vector")).getResults().get(0)));
    } finally {
      h.getCoreContainer().unload("nohash", true, true, true);
    }
  }

  /** Adds {@code xml} to the processor of the shipped passages chain. */
  private static Consumer<Path> passagesWith(String xml) {
    return conf ->
        EchoConfigSet.edit(
            conf,
            "solrconfig.xml",
            "<bool name=\"passages\">true</bool>",
            "<bool name=\"passages\">true</bool>" + xml);
  }

  @Test
  public void passagesLongerThanTheModelEmbedsFailTheCore() {
    assertCoreFails(
        passagesWith("<int name=\"passages.maxTokens\">101</int>"),
        "passages.maxTokens=101 is more than the 100 tokens model 'toy' embeds");
    assertCoreFails(
        passagesWith("<int name=\"passages.overlap\">100</int>"),
        "passages.overlap must be less than the 100 tokens of a passage, got 100");
  }

  @Test
  public void passagesNeedTheirStoredFieldsAndTheRootDocuments() {
    assertCoreFails(
        conf ->
            EchoConfigSet.edit(
                conf,
                "managed-schema.xml",
                "<field name=\"passage_vector\" type=\"echo_vector\" indexed=\"true\" stored=\"true\"/>",
                ""),
        "passages.outputField 'passage_vector' is not defined in the schema");
    assertCoreFails(
        conf ->
            EchoConfigSet.edit(
                conf,
                "managed-schema.xml",
                "<field name=\"passage_text\" type=\"text_general\" indexed=\"true\" stored=\"true\"/>",
                "<field name=\"passage_text\" type=\"text_general\" indexed=\"true\" stored=\"false\"/>"),
        "passages.textField 'passage_text' must be stored=\"true\"");
    assertCoreFails(
        passagesWith("<str name=\"nested\">children</str>"),
        "passages are cut from the text of root documents, which nested=children leaves alone");
    assertCoreFails(
        passagesWith("<str name=\"passages.label\">category</str>"),
        "passages.label 'category' is a field of the schema");
  }

  @Test
  public void aMissingFingerprintFieldFailsTheCore() {
    assertCoreFails(
        conf ->
            EchoConfigSet.edit(
                conf,
                "managed-schema.xml",
                "<field name=\"echo_fingerprint\" type=\"string\" indexed=\"true\" stored=\"true\"/>",
                ""),
        "fingerprintField 'echo_fingerprint' is not defined in the schema");
  }

  @Test
  public void anInputFieldNotInTheSchemaFailsTheCore() {
    assertCoreFails(
        conf ->
            EchoConfigSet.edit(
                conf,
                "solrconfig.xml",
                "<str name=\"inputField\">body</str>",
                "<str name=\"inputField\">bdy</str>"),
        "inputField 'bdy' is not defined in the schema");
  }

  @Test
  public void anUnknownProcessorParameterFailsTheCore() {
    assertCoreFails(
        conf ->
            EchoConfigSet.edit(
                conf,
                "solrconfig.xml",
                "<str name=\"onError\">fail</str>",
                "<str name=\"onError\">fail</str><int name=\"batchsize\">4</int>"),
        "EchoUpdateProcessorFactory: unknown parameter(s) [batchsize]");
  }

  @Test
  public void badProcessorValuesFailTheCore() {
    assertCoreFails(
        conf ->
            EchoConfigSet.edit(
                conf,
                "solrconfig.xml",
                "<str name=\"onError\">fail</str>",
                "<str name=\"onError\">ignore</str>"),
        "onError: expected fail or skip, got 'ignore'");
    assertCoreFails(
        conf ->
            EchoConfigSet.edit(
                conf,
                "solrconfig.xml",
                "<int name=\"batchSize\">16</int>",
                "<int name=\"batchSize\">0</int>"),
        "batchSize: expected a whole number of at least 1, got 0");
  }

  /** Sets the shipped processor's {@code nested} parameter. */
  private static void setNested(Path conf, String value) {
    EchoConfigSet.edit(
        conf,
        "solrconfig.xml",
        "<str name=\"nested\">all</str>",
        "<str name=\"nested\">" + value + "</str>");
  }

  @Test
  public void aBadNestedValueFailsTheCore() {
    assertCoreFails(
        conf -> setNested(conf, "parents"),
        "EchoUpdateProcessorFactory: nested: expected all, root or children, got 'parents'");
  }

  @Test
  public void nestedChildrenWithoutRootFieldFailsTheCore() {
    assertCoreFails(
        conf -> {
          setNested(conf, "children");
          EchoConfigSet.edit(
              conf,
              "managed-schema.xml",
              "<field name=\"_root_\" type=\"string\" indexed=\"true\" stored=\"false\""
                  + " docValues=\"false\"/>",
              "");
        },
        "nested=children embeds child documents only, but the schema has no _root_ field");
  }

  @Test
  public void badQueryParserParametersFailTheCore() {
    assertCoreFails(
        conf ->
            EchoConfigSet.edit(
                conf,
                "solrconfig.xml",
                "<int name=\"maxTopK\">1000</int>",
                "<int name=\"maxTopK\">0</int>"),
        "EchoQParserPlugin: maxTopK: expected a whole number of at least 1, got 0");
  }

  @Test
  public void aMissingModelFolderFailsTheCore() {
    assertCoreFails(
        conf ->
            EchoConfigSet.edit(
                conf,
                "echo-models.json",
                "${solr.echo.model.dir:models/tiny-gpt2}",
                "/nonexistent/model"),
        "model 'toy': model folder /nonexistent/model does not exist");
  }

  @Test
  public void everyDeclaredModelIsCheckedSinceAQueryMayChooseIt() {
    assertCoreFails(
        conf ->
            EchoConfigSet.edit(
                conf,
                "echo-models.json",
                "\"models\": {",
                "\"models\": {\"spare\": {\"path\": \"/nonexistent/spare\"},"),
        "model 'spare': model folder /nonexistent/spare does not exist");
  }

  @Test
  public void aBadModelDeclarationFailsTheCore() {
    assertCoreFails(
        conf ->
            EchoConfigSet.edit(
                conf, "echo-models.json", "The rewritten sentence: {x}", "The rewritten sentence"),
        "model 'toy': template:",
        "exactly 2 times, found 1");
    assertCoreFails(
        conf ->
            EchoConfigSet.edit(
                conf, "echo-models.json", "\"pooling\": \"mean\"", "\"pooling\": \"max\""),
        "pooling: expected one of mean, last, got 'max'");
    assertCoreFails(
        conf ->
            EchoConfigSet.edit(
                conf,
                "echo-models.json",
                "\"addBos\": false",
                "\"addBos\": false, \"temperature\": 1"),
        "model 'toy': unknown parameter(s) [temperature]");
  }

  @Test
  public void relativeModelPathsResolveAgainstTheModelsDirProperty() throws Exception {
    Path folder = EchoConfigSet.useToyModel();
    System.setProperty(EchoModelDefinition.MODELS_DIR_PROPERTY, folder.getParent().toString());
    try {
      createCore(
          "relative",
          conf ->
              EchoConfigSet.edit(
                  conf,
                  "echo-models.json",
                  "${solr.echo.model.dir:models/tiny-gpt2}",
                  folder.getFileName().toString()));
      try (SolrCore core = h.getCoreContainer().getCore("relative")) {
        SolrResourceLoader loader = core.getResourceLoader();
        assertEquals(
            folder,
            EchoModelsFile.definition(loader, EchoModelsFile.DEFAULT_RESOURCE, "toy").folder());
      }
    } finally {
      System.clearProperty(EchoModelDefinition.MODELS_DIR_PROPERTY);
      h.getCoreContainer().unload("relative", true, true, true);
    }
  }

  @Test
  public void aModelLoadsOnItsFirstDocumentNotWhenTheCoreLoads() throws Exception {
    createCore(
        "lazy",
        conf ->
            EchoConfigSet.edit(
                conf, "echo-models.json", "\"maxTokens\": 100", "\"maxTokens\": 90"));
    try {
      EchoModelDefinition definition;
      try (SolrCore core = h.getCoreContainer().getCore("lazy")) {
        definition =
            EchoModelsFile.definition(
                core.getResourceLoader(), EchoModelsFile.DEFAULT_RESOURCE, "toy");
      }
      try (EchoModelRegistry.Lease lease = registry().acquire(definition)) {
        assertEquals(
            "both chains, the query parser and this lease", 4, registry().users(definition));
        assertFalse("not loaded at core load", lease.model().isLoaded());
        new EmbeddedSolrServer(h.getCoreContainer(), "lazy").add(textDoc("1", "Loads the model."));
        assertTrue("loaded by the first document", lease.model().isLoaded());
      }
    } finally {
      h.getCoreContainer().unload("lazy", true, true, true);
    }
  }

  @Test
  public void theNodeMetricsReportTheLoadedModelAndTheMemoryOfItsWeights() throws Exception {
    addDocs(textDoc("1", "Loads the model."));
    Map<String, Metric> node =
        h.getCoreContainer().getMetricManager().registry("solr.node").getMetrics();
    assertEquals(1, ((Gauge<?>) node.get("CONTAINER.echo.models.loaded")).getValue());
    long weights = float32DataBytes(EchoConfigSet.useToyModel().resolve("model.safetensors"));
    assertEquals(weights, ((Gauge<?>) node.get("CONTAINER.echo.models.ramBytesUsed")).getValue());
    assertEquals(weights, registry().ramBytesUsed());
    Accountable model = registry().getChildResources().iterator().next();
    assertEquals(weights, model.ramBytesUsed());
    assertTrue(
        model.getChildResources().toString(),
        model.getChildResources().iterator().next().toString().startsWith("weights on cpu()"));
  }

  /** The size of the data section of a safetensors file of float32 tensors. */
  private static long float32DataBytes(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file)) {
      ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      channel.read(length, 0);
      return channel.size() - 8 - length.getLong(0);
    }
  }

  @Test
  public void coresDeclaringTheSameModelShareOneLoadedModel() throws Exception {
    addDocs(textDoc("1", "Loaded once."));
    int users = registry().users(toy);
    assertEquals("the processors of both chains and the query parser of " + CORE, 3, users);
    createCore("second", conf -> {});
    try {
      assertEquals(1, registry().size());
      assertEquals(users + 3, registry().users(toy));
      EmbeddedSolrServer second = new EmbeddedSolrServer(h.getCoreContainer(), "second");
      second.add(textDoc("2", "Embedded by the second core."));
      second.commit();
      assertVectorEquals(
          documentVector("Embedded by the second core."),
          vectorOf(second.query(params("q", "id:2", "fl", "vector")).getResults().get(0)));
    } finally {
      h.getCoreContainer().unload("second", true, true, true);
    }
    assertEquals("the second core's leases released with it", users, registry().users(toy));
  }
}
