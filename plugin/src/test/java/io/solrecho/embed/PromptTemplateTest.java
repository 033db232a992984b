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
package io.solrecho.embed;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.Test;

public class PromptTemplateTest {

  @Test
  public void echoTemplateWithOneCopyIsRejectedWithTemplateAndCounts() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PromptTemplate.of(EmbeddingMode.ECHO, "Rewrite: {x}"));
    assertTrue(e.getMessage(), e.getMessage().contains("\"Rewrite: {x}\""));
    assertTrue(e.getMessage(), e.getMessage().contains("exactly 2 times, found 1"));
  }

  @Test
  public void echoTemplateWithThreeCopiesIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PromptTemplate.of(EmbeddingMode.ECHO, "{x} {x} {x}"));
    assertTrue(e.getMessage(), e.getMessage().contains("exactly 2 times, found 3"));
  }

  @Test
  public void classicalTemplateWithTwoCopiesIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PromptTemplate.of(EmbeddingMode.CLASSICAL, "{x} and {x}"));
    assertTrue(e.getMessage(), e.getMessage().contains("CLASSICAL template \"{x} and {x}\""));
    assertTrue(e.getMessage(), e.getMessage().contains("exactly 1 time, found 2"));
  }

  @Test
  public void promptEolTemplateWithoutTextIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PromptTemplate.of(EmbeddingMode.PROMPTEOL, "means in one word:"));
    assertTrue(e.getMessage(), e.getMessage().contains("exactly 1 time, found 0"));
  }

  @Test
  public void echoEmbeddingsSyntaxIsRejectedAsHavingNoText() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PromptTemplate.of(EmbeddingMode.ECHO, "Q: {!%%text%%}\nQ again: {%%text%%}"));
    assertTrue(e.getMessage(), e.getMessage().contains("found 0"));
  }

  @Test
  public void unknownPlaceholderIsRejectedAsATypo() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PromptTemplate.of(EmbeddingMode.CLASSICAL, "Write {text}"));
    assertTrue(e.getMessage(), e.getMessage().contains("unknown placeholder {text}"));
  }

  @Test
  public void otherBracesAreLiteralText() {
    PromptTemplate template = PromptTemplate.of(EmbeddingMode.CLASSICAL, "{\"q\": \"{x}\"} {}");
    assertEquals("{\"q\": \"hi\"} {}", template.render("hi"));
  }

  @Test
  public void nullTemplateIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> PromptTemplate.of(EmbeddingMode.ECHO, null));
    assertTrue(e.getMessage(), e.getMessage().contains("template"));
  }

  @Test
  public void instructionIsSubstituted() {
    PromptTemplate query =
        PromptTemplate.of(
            EmbeddingMode.ECHO,
            "Instruct: {instruction}\nQuery: {x}\nQuery again: {x}",
            "Find the claim");
    assertEquals("Instruct: Find the claim\nQuery: q\nQuery again: q", query.render("q"));
    assertEquals(Optional.of("Find the claim"), query.instruction());
  }

  @Test
  public void instructionIsAPieceOfItsOwn() {
    PromptTemplate query =
        PromptTemplate.of(
            EmbeddingMode.ECHO,
            "Instruct: {instruction}\nQuery: {x}\nQuery again: {x}",
            "Find the claim");
    assertEquals(List.of("Instruct: ", "Find the claim", "\nQuery: "), query.literalPieces(0));
    assertEquals(List.of("\nQuery again: "), query.literalPieces(1));
    assertEquals(List.of(), query.literalPieces(2));
  }

  @Test
  public void instructionPlaceholderWithoutInstructionIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PromptTemplate.of(EmbeddingMode.ECHO, "Instruct: {instruction}\n{x}\n{x}"));
    assertTrue(e.getMessage(), e.getMessage().contains("no instruction was given"));
  }

  @Test
  public void blankInstructionIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PromptTemplate.of(EmbeddingMode.ECHO, "Instruct: {instruction}\n{x}\n{x}", " "));
    assertTrue(e.getMessage(), e.getMessage().contains("no instruction was given"));
  }

  @Test
  public void instructionWithoutPlaceholderIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                PromptTemplate.of(
                    EmbeddingMode.ECHO, "Document: {x}\nDocument again: {x}", "Find"));
    assertTrue(e.getMessage(), e.getMessage().contains("has no {instruction} placeholder"));
  }

  @Test
  public void placeholdersInsideTheInstructionStayLiteral() {
    PromptTemplate query =
        PromptTemplate.of(EmbeddingMode.CLASSICAL, "{instruction} {x}", "Use {x} here");
    assertEquals("Use {x} here q", query.render("q"));
  }

  @Test
  public void defaultEchoTemplateIsThePapersZeroShotTemplate() {
    assertEquals(
        "Rewrite the following paragraph: {x}. The rewritten paragraph: {x}",
        EmbeddingMode.ECHO.defaultTemplate());
  }

  @Test
  public void everyModeHasAValidDefaultTemplate() {
    for (EmbeddingMode mode : EmbeddingMode.values()) {
      assertEquals(mode, PromptTemplate.of(mode, mode.defaultTemplate()).mode());
    }
  }

  @Test
  public void pooledCopyStartsAfterTheFirstCopyAndTheLiteralsBeforeIt() {
    PromptTemplate echo = PromptTemplate.of(EmbeddingMode.ECHO, "A: {x}\nB: {x}.");
    String prompt = echo.render("text");
    assertEquals("text.", prompt.substring(echo.pooledCopyStart("text")));
  }
}
