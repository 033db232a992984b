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
import java.util.List;
import org.apache.lucene.index.VectorEncoding;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.schema.DenseVectorField;
import org.apache.solr.schema.IndexSchema;
import org.apache.solr.schema.NumberType;
import org.apache.solr.schema.SchemaField;

/**
 * The {@code passages} settings of an {@link EchoUpdateProcessorFactory}: whether the text of a
 * root document is also cut into passages ({@code passages=true}; off by default), each embedded
 * and stored as a labelled child document of it, how long they are, and the fields those child
 * documents have. Immutable.
 */
final class PassageSettings {
  static final String PREFIX = "passages.";

  /** The parameter names, for {@link KnownParameters}. */
  static final List<String> NAMES =
      List.of(
          "passages",
          PREFIX + "maxTokens",
          PREFIX + "overlap",
          PREFIX + "max",
          PREFIX + "label",
          PREFIX + "textField",
          PREFIX + "startField",
          PREFIX + "endField",
          PREFIX + "outputField",
          PREFIX + "parentVector");

  private final boolean enabled;

  /** 0: the model's. */
  private final int maxTokens;

  /** -1: an eighth of maxTokens. */
  private final int overlap;

  private final int max;
  private final String label;
  private final String textField;
  private final String startField;
  private final String endField;
  private final String outputField;
  private final boolean parentVector;

  private PassageSettings(SolrParams params) {
    this.enabled = params.getBool("passages", false);
    this.maxTokens = integer(params, "maxTokens", 0, 1);
    this.overlap = integer(params, "overlap", -1, 0);
    this.max = integer(params, "max", 100, 1);
    this.label = name(params, "label", "passages");
    this.textField = name(params, "textField", "passage_text");
    this.startField = name(params, "startField", "passage_start");
    this.endField = name(params, "endField", "passage_end");
    this.outputField = name(params, "outputField", "passage_vector");
    this.parentVector = params.getBool(PREFIX + "parentVector", true);
  }

  /**
   * The settings in {@code params} (the processor's parameters).
   *
   * @throws IllegalArgumentException naming the parameter that is wrong
   */
  static PassageSettings parse(SolrParams params) {
    return new PassageSettings(params);
  }

  private static int integer(SolrParams params, String name, int fallback, int least) {
    String value = params.get(PREFIX + name);
    if (value == null) {
      return fallback;
    }
    return WholeNumber.atLeast(PREFIX + name, value, least);
  }

  private static String name(SolrParams params, String name, String fallback) {
    String value = params.get(PREFIX + name, fallback).trim();
    if (value.isEmpty()) {
      throw new IllegalArgumentException(PREFIX + name + " must not be empty");
    }
    return value;
  }

  /**
   * Checks the passage fields against {@code schema}, and {@code maxTokens} against the model's.
   *
   * @param modelMaxTokens the tokens of a text the model embeds ({@code maxTokens} of
   *     echo-models.json)
   * @throws IllegalArgumentException naming the field or parameter and what to change
   */
  void checkSchema(IndexSchema schema, int dimension, int modelMaxTokens, String model) {
    if (!enabled) {
      return;
    }
    if (maxTokens(modelMaxTokens) > modelMaxTokens) {
      throw new IllegalArgumentException(
          PREFIX
              + "maxTokens="
              + maxTokens
              + " is more than the "
              + modelMaxTokens
              + " tokens model '"
              + model
              + "' embeds (its maxTokens): passages would be truncated; lower "
              + PREFIX
              + "maxTokens (by default the model's) or raise the model's maxTokens");
    }
    if (overlap(modelMaxTokens) >= maxTokens(modelMaxTokens)) {
      throw new IllegalArgumentException(
          PREFIX
              + "overlap must be less than the "
              + maxTokens(modelMaxTokens)
              + " tokens of a passage, got "
              + overlap);
    }
    if (schema.getFieldOrNull(IndexSchema.NEST_PATH_FIELD_NAME) == null
        || !schema.isUsableForChildDocs()) {
      throw new IllegalArgumentException(
          "passages are labelled child documents: the schema needs the _root_ and _nest_path_"
              + " fields (<field name=\"_root_\" type=\"string\" indexed=\"true\" stored=\"false\"/>,"
              + " <fieldType name=\"_nest_path_\" class=\"solr.NestPathField\"/> and"
              + " <field name=\"_nest_path_\" type=\"_nest_path_\"/>)");
    }
    if (schema.getFieldOrNull(label) != null) {
      throw new IllegalArgumentException(
          PREFIX
              + "label '"
              + label
              + "' is a field of the schema; passages hang in a field of that name that the schema"
              + " must not define: choose another label");
    }
    stored(schema, "textField", textField);
    for (String name : List.of("startField", "endField")) {
      SchemaField field = stored(schema, name, name.equals("startField") ? startField : endField);
      if (field.getType().getNumberType() != NumberType.INTEGER || field.multiValued()) {
        throw new IllegalArgumentException(
            PREFIX
                + name
                + " '"
                + field.getName()
                + "' must be a single-valued int field (e.g. type pint)");
      }
    }
    SchemaField vectors = stored(schema, "outputField", outputField);
    if (!(vectors.getType() instanceof DenseVectorField)
        || ((DenseVectorField) vectors.getType()).getDimension() != dimension
        || ((DenseVectorField) vectors.getType()).getVectorEncoding() != VectorEncoding.FLOAT32) {
      throw new IllegalArgumentException(
          PREFIX
              + "outputField '"
              + outputField
              + "' must be a DenseVectorField of FLOAT32 vectors with vectorDimension=\""
              + dimension
              + "\" (model '"
              + model
              + "')");
    }
  }

  /**
   * The field {@code name} names, which must exist and be stored: Solr rebuilds a block from its
   * stored fields when its root is updated atomically, and passages lose what is not stored.
   */
  private static SchemaField stored(IndexSchema schema, String name, String field) {
    SchemaField found = schema.getFieldOrNull(field);
    if (found == null) {
      throw new IllegalArgumentException(
          PREFIX + name + " '" + field + "' is not defined in the schema");
    }
    if (!found.stored()) {
      throw new IllegalArgumentException(
          PREFIX
              + name
              + " '"
              + field
              + "' must be stored=\"true\": an atomic update of a document rebuilds its passages"
              + " from their stored fields");
    }
    return found;
  }

  /** Whether texts are cut into passages. */
  boolean enabled() {
    return enabled;
  }

  /** The most tokens of a passage, when the model embeds {@code modelMaxTokens} of a text. */
  int maxTokens(int modelMaxTokens) {
    return maxTokens > 0 ? maxTokens : modelMaxTokens;
  }

  /** Tokens a passage may share with the one before. */
  int overlap(int modelMaxTokens) {
    return overlap >= 0 ? overlap : maxTokens(modelMaxTokens) / 8;
  }

  /** The most passages of one document. */
  int max() {
    return max;
  }

  /** The field of the root document the passages hang in. */
  String label() {
    return label;
  }

  String textField() {
    return textField;
  }

  String startField() {
    return startField;
  }

  String endField() {
    return endField;
  }

  /** The vector field of the passages. */
  String outputField() {
    return outputField;
  }

  /** Whether the root document keeps a vector of its whole (truncated) text too. */
  boolean parentVector() {
    return parentVector;
  }

  /** The fields of a passage document this processor writes, besides the unique key. */
  List<String> fields() {
    return List.of(textField, startField, endField, outputField);
  }
}
