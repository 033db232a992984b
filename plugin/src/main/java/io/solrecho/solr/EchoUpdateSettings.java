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

import io.solrecho.embed.WholeNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.VectorEncoding;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.schema.DenseVectorField;
import org.apache.solr.schema.IndexSchema;
import org.apache.solr.schema.SchemaField;
import org.apache.solr.schema.StrField;

/**
 * The configuration of one {@link EchoUpdateProcessorFactory}, parsed and checked once: which
 * model, which fields are read and written, how documents are batched and what happens to a
 * document whose text cannot be embedded. Immutable.
 */
final class EchoUpdateSettings {
  /** What to do with a document that has no text to embed, or text that cannot be embedded. */
  enum OnError {
    /** Reject the document with a 400 naming it and the field. */
    FAIL,
    /** Index it without a vector and count it. */
    SKIP
  }

  /** Which documents of a nested block (a root document and its child documents) are embedded. */
  enum Nested {
    /** Every document of the block. */
    ALL,
    /** The root document only; its child documents are passed on untouched. */
    ROOT,
    /** The child documents only; the root document is passed on untouched. */
    CHILDREN;

    /** Whether a document of the block that is (or is not) a child document is embedded. */
    boolean embeds(boolean child) {
      return this == ALL || (this == CHILDREN) == child;
    }
  }

  static final String DEFAULT_FINGERPRINT_FIELD = "echo_fingerprint";
  static final String DEFAULT_TEXT_HASH_FIELD = "echo_text_hash";
  private static final KnownParameters PARAMETERS =
      new KnownParameters(
          List.of(
              "model",
              "models",
              "inputField",
              "separator",
              "outputField",
              "fingerprintField",
              "textHashField",
              "reuseVectors",
              "batchSize",
              "onError",
              "nested"),
          PassageSettings.NAMES);

  private final String model;
  private final String modelsResource;
  private final List<String> inputFields;
  private final String separator;
  private final String outputField;
  private final String fingerprintField;
  private final String textHashField;
  private final boolean reuseVectors;
  private final int batchSize;
  private final OnError onError;
  private final Nested nested;
  private final PassageSettings passages;

  private EchoUpdateSettings(SolrParams params) {
    PARAMETERS.check(params, IllegalArgumentException::new);
    this.model = required(params, "model");
    this.modelsResource = params.get("models", EchoModelsFile.DEFAULT_RESOURCE);
    this.inputFields = inputFields(params);
    this.separator = params.get("separator", "\\n").replace("\\n", "\n").replace("\\t", "\t");
    this.outputField = required(params, "outputField");
    this.fingerprintField = params.get("fingerprintField", DEFAULT_FINGERPRINT_FIELD).trim();
    this.textHashField = params.get("textHashField", DEFAULT_TEXT_HASH_FIELD).trim();
    this.reuseVectors = params.getBool("reuseVectors", true);
    this.batchSize = WholeNumber.atLeast("batchSize", params.get("batchSize", "16"), 1);
    this.onError = onError(params.get("onError", "fail"));
    this.nested = nested(params.get("nested", "all"));
    this.passages = PassageSettings.parse(params);
    List<String> written = new ArrayList<>(List.of(outputField, fingerprintField, textHashField));
    if (passages.enabled()) {
      written.addAll(passages.fields());
    }
    if (written.stream().distinct().count() < written.size()
        || written.stream().anyMatch(inputFields::contains)) {
      throw new IllegalArgumentException(
          "inputField "
              + inputFields
              + " and the fields the processor writes "
              + written
              + " (outputField, fingerprintField, textHashField"
              + (passages.enabled() ? " and the passages.* fields" : "")
              + ") must all be different fields");
    }
    if (passages.enabled() && nested == Nested.CHILDREN) {
      throw new IllegalArgumentException(
          "passages are cut from the text of root documents, which nested=children leaves"
              + " alone: choose nested=all or root, or passages=false");
    }
  }

  /**
   * The settings in {@code params}.
   *
   * @throws IllegalArgumentException naming the parameter that is missing, unknown or wrong
   */
  static EchoUpdateSettings parse(SolrParams params) {
    return new EchoUpdateSettings(params);
  }

  private static String required(SolrParams params, String name) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value.trim();
  }

  private static List<String> inputFields(SolrParams params) {
    String[] values = params.getParams("inputField");
    List<String> fields = new ArrayList<>();
    if (values != null) {
      for (String value : values) {
        if (value != null && !value.isBlank() && !fields.contains(value.trim())) {
          fields.add(value.trim());
        }
      }
    }
    if (fields.isEmpty()) {
      throw new IllegalArgumentException(
          "inputField is required (repeat it to join several fields)");
    }
    return List.copyOf(fields);
  }

  private static OnError onError(String value) {
    try {
      return OnError.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("onError: expected fail or skip, got '" + value + "'", e);
    }
  }

  private static Nested nested(String value) {
    try {
      return Nested.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "nested: expected all, root or children, got '" + value + "'", e);
    }
  }

  /**
   * Checks the fields against {@code schema}, the model's vector length and the tokens it embeds of
   * a text ({@code modelMaxTokens}).
   *
   * @throws IllegalArgumentException naming the field and what to change
   */
  void checkSchema(IndexSchema schema, int dimension, int modelMaxTokens) {
    for (String field : inputFields) {
      if (schema.getFieldOrNull(field) == null) {
        throw new IllegalArgumentException(
            "inputField '" + field + "' is not defined in the schema");
      }
    }
    SchemaField output = schema.getFieldOrNull(outputField);
    if (output == null) {
      throw new IllegalArgumentException(
          "outputField '" + outputField + "' is not defined in the schema");
    }
    if (!(output.getType() instanceof DenseVectorField)) {
      throw new IllegalArgumentException(
          "outputField '"
              + outputField
              + "' has type "
              + output.getType().getClass().getSimpleName()
              + "; it must be a DenseVectorField");
    }
    DenseVectorField vectors = (DenseVectorField) output.getType();
    if (vectors.getDimension() != dimension) {
      throw new IllegalArgumentException(
          "outputField '"
              + outputField
              + "' has vectorDimension "
              + vectors.getDimension()
              + " but model '"
              + model
              + "' writes vectors of "
              + dimension
              + " (its hidden size): set vectorDimension=\""
              + dimension
              + "\" in the schema");
    }
    if (vectors.getVectorEncoding() != VectorEncoding.FLOAT32) {
      throw new IllegalArgumentException(
          "outputField '"
              + outputField
              + "' has vectorEncoding "
              + vectors.getVectorEncoding()
              + "; echo vectors need FLOAT32");
    }
    if (!output.stored()) {
      throw new IllegalArgumentException(
          "outputField '"
              + outputField
              + "' must be stored=\"true\": atomic"
              + " updates that do not change the text carry the stored vector over instead of embedding again");
    }
    SchemaField fingerprint = schema.getFieldOrNull(fingerprintField);
    if (fingerprint == null) {
      throw new IllegalArgumentException(
          "fingerprintField '"
              + fingerprintField
              + "' is not defined in the"
              + " schema: add <field name=\""
              + fingerprintField
              + "\" type=\"string\" indexed=\"true\" stored=\"true\"/>");
    }
    if (!(fingerprint.getType() instanceof StrField)
        || !fingerprint.indexed()
        || fingerprint.multiValued()
        || !(fingerprint.stored() || fingerprint.hasDocValues())) {
      throw new IllegalArgumentException(
          "fingerprintField '"
              + fingerprintField
              + "' must be a single-valued"
              + " indexed string field (StrField) that is stored or has docValues");
    }
    checkTextHashField(schema);
    checkNested(schema);
    passages.checkSchema(schema, dimension, modelMaxTokens, model);
  }

  /**
   * The text hash field, when {@code reuseVectors} reads it: a stored single-valued string field.
   */
  private void checkTextHashField(IndexSchema schema) {
    SchemaField hash = schema.getFieldOrNull(textHashField);
    if (hash == null) {
      if (reuseVectors) {
        throw new IllegalArgumentException(
            "reuseVectors needs textHashField '"
                + textHashField
                + "' in the schema, where each vector's text is identified: add <field name=\""
                + textHashField
                + "\" type=\"string\" indexed=\"false\" stored=\"true\" docValues=\"false\"/>"
                + " or set reuseVectors=false");
      }
      return;
    }
    if (!(hash.getType() instanceof StrField) || hash.multiValued() || !hash.stored()) {
      throw new IllegalArgumentException(
          "textHashField '" + textHashField + "' must be a single-valued stored string field");
    }
  }

  /**
   * Whether the schema lets Solr index child documents at all (it needs {@code _root_}); with
   * {@code nested=children} nothing could be embedded otherwise.
   */
  private void checkNested(IndexSchema schema) {
    if (nested == Nested.CHILDREN && !schema.isUsableForChildDocs()) {
      throw new IllegalArgumentException(
          "nested=children embeds child documents only, but the schema has no "
              + IndexSchema.ROOT_FIELD_NAME
              + " field, so Solr indexes none: add <field name=\"_root_\" type=\"string\""
              + " indexed=\"true\" stored=\"false\"/> or choose nested=all or root");
    }
  }

  String model() {
    return model;
  }

  /** The configset resource that declares the models. */
  String modelsResource() {
    return modelsResource;
  }

  List<String> inputFields() {
    return inputFields;
  }

  /** Between the values of the input fields, and of a multi-valued field. */
  String separator() {
    return separator;
  }

  String outputField() {
    return outputField;
  }

  String fingerprintField() {
    return fingerprintField;
  }

  /**
   * The stored field that identifies the text each vector was made from; written when the schema
   * has it, required by {@link #reuseVectors()}.
   */
  String textHashField() {
    return textHashField;
  }

  /**
   * Whether a document whose text is the one already stored for its id keeps the stored vector
   * instead of being embedded again.
   */
  boolean reuseVectors() {
    return reuseVectors;
  }

  PassageSettings passages() {
    return passages;
  }

  /** Documents of one request embedded together. */
  int batchSize() {
    return batchSize;
  }

  OnError onError() {
    return onError;
  }

  Nested nested() {
    return nested;
  }
}
