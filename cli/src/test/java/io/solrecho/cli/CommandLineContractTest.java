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
package io.solrecho.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.solrecho.ProjectFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * What every command of {@code bin/solr-echo} promises: help on standard output with exit status 0
 * and the documented options, {@code --version} from the build, usage errors on standard error with
 * the command's usage and exit status 2, failures with exit status 1 and a message without Java
 * class names.
 */
public class CommandLineContractTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  /** The commands of the CLI module and the options the README documents for each. */
  private static final Map<String, List<String>> DOCUMENTED = new LinkedHashMap<>();

  static {
    List<String> device = List.of("--device", "--dtype");
    List<String> embedding =
        List.of(
            "--mode",
            "--pooling",
            "--template",
            "--query-template",
            "--instruction",
            "--spans",
            "--normalize",
            "--max-tokens",
            "--add-bos",
            "--batch-size",
            "--max-batch-tokens");
    DOCUMENTED.put("hidden-states", join(List.of("--model", "--input"), device));
    DOCUMENTED.put(
        "embed", join(List.of("--model", "--input", "--format", "--role"), embedding, device));
    DOCUMENTED.put(
        "bench-lm",
        join(
            List.of(
                "--model",
                "--shape",
                "--layers",
                "--cache",
                "--seconds",
                "--shapes",
                "--peak-tflops"),
            device));
    DOCUMENTED.put(
        "bench-embed",
        join(
            List.of("--model", "--tokenizer", "--cache", "--texts", "--callers", "--memory"),
            embedding,
            device));
    DOCUMENTED.put(
        "eval",
        join(
            List.of(
                "--model",
                "--out",
                "--limit",
                "--setups",
                "--datasets",
                "--data",
                "--cache",
                "--echo-template",
                "--classical-template",
                "--prompteol-template",
                "--max-tokens",
                "--batch-size",
                "--max-batch-tokens",
                "--add-bos",
                "--spans"),
            device));
  }

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @SafeVarargs
  private static List<String> join(List<String>... lists) {
    List<String> all = new ArrayList<>();
    for (List<String> list : lists) {
      all.addAll(list);
    }
    return all;
  }

  private int run(String... args) {
    out.reset();
    err.reset();
    return Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  public void theProgramsHelpListsEveryCommandOnStandardOutput() {
    for (String help : new String[] {"--help", "-h"}) {
      assertEquals(help, ExitStatus.OK, run(help));
      assertEquals("", stderr());
      assertTrue(stdout(), stdout().startsWith("Usage: bin/solr-echo [-hV] COMMAND"));
      for (String command : DOCUMENTED.keySet()) {
        assertTrue(
            command, Pattern.compile("(?m)^  " + command + " +\\S").matcher(stdout()).find());
      }
      assertTrue(stdout(), stdout().contains("2   usage error"));
    }
  }

  @Test
  public void everyCommandsHelpShowsItsDocumentedOptionsOnStandardOutput() {
    for (Map.Entry<String, List<String>> command : DOCUMENTED.entrySet()) {
      for (String[] help :
          new String[][] {
            {command.getKey(), "--help"}, {command.getKey(), "-h"}, {"help", command.getKey()}
          }) {
        assertEquals(String.join(" ", help), ExitStatus.OK, run(help));
        assertEquals("", stderr());
        assertTrue(
            stdout(), stdout().startsWith("Usage: bin/solr-echo " + command.getKey() + " [-hV]"));
        for (String option : command.getValue()) {
          assertTrue(
              command.getKey() + " " + option + ":\n" + stdout(),
              Pattern.compile("(?m)^ +" + option + "[=\\[ ]").matcher(stdout()).find());
        }
      }
    }
  }

  @Test
  public void versionIsTheBuildsOnEveryCommand() throws IOException {
    String expected = "solr-echo " + projectVersion() + "\n";
    for (String[] version :
        new String[][] {{"--version"}, {"-V"}, {"embed", "--version"}, {"eval", "-V"}}) {
      assertEquals(String.join(" ", version), ExitStatus.OK, run(version));
      assertEquals("", stderr());
      assertTrue(stdout(), stdout().startsWith(expected));
      assertTrue(stdout(), stdout().contains("built for Solr 9."));
    }
  }

  /** The version in this module's pom.xml (its parent's, which it shares). */
  private static String projectVersion() throws IOException {
    Matcher version =
        Pattern.compile("<version>([^<]+)</version>")
            .matcher(Files.readString(Paths.get("pom.xml"), StandardCharsets.UTF_8));
    assertTrue(version.find());
    return version.group(1);
  }

  @Test
  public void withoutACommandItSaysSoWithTheUsage() {
    assertEquals(ExitStatus.USAGE, run());
    assertTrue(stderr(), stderr().startsWith("solr-echo: missing command"));
    assertTrue(stderr(), stderr().contains("Usage: bin/solr-echo [-hV] COMMAND"));
    assertEquals("", stdout());
  }

  @Test
  public void anUnknownCommandIsAUsageError() {
    assertEquals(ExitStatus.USAGE, run("embedd", "--model", "x"));
    assertTrue(stderr(), stderr().startsWith("solr-echo: unknown command 'embedd'"));
    assertTrue(stderr(), stderr().contains("bin/solr-echo embed"));
    assertEquals("", stdout());
  }

  @Test
  public void everyCommandRejectsAnUnknownOptionWithItsUsage() {
    for (String command : DOCUMENTED.keySet()) {
      assertEquals(command, ExitStatus.USAGE, run(command, "--no-such-option"));
      assertTrue(
          stderr(),
          stderr().startsWith("solr-echo " + command + ": Unknown option: '--no-such-option'"));
      assertTrue(stderr(), stderr().contains("Usage: bin/solr-echo " + command + " [-hV]"));
      assertEquals("", stdout());
    }
  }

  @Test
  public void everyCommandRejectsAWrongValueNamingTheOption() {
    String model = ProjectFixtures.tinyModel().toString();
    Map<String, String[]> wrong = new LinkedHashMap<>();
    wrong.put(
        "Invalid value for option '--dtype': expected auto, float32 or float16, got 'float64'",
        new String[] {"hidden-states", "--model", model, "--input", "x", "--dtype", "float64"});
    wrong.put(
        "Invalid value for option '--max-tokens': expected a whole number of at least 1, got 0",
        new String[] {"embed", "--model", model, "--max-tokens", "0"});
    wrong.put(
        "Invalid value for option '--format': expected one of lines, jsonl, auto, got 'csv'",
        new String[] {"embed", "--model", model, "--format", "csv"});
    wrong.put(
        "Invalid value for option '--seconds': expected a number above 0, got 0",
        new String[] {"bench-lm", "--seconds", "0"});
    wrong.put(
        "Invalid value for option '--callers' (N,N,...): expected a whole number of at least 1,"
            + " got 'many'",
        new String[] {"bench-embed", "--callers", "1,many"});
    wrong.put(
        "Invalid value for option '--device': expected auto, cpu, cuda or cuda:N, got 'tpu'",
        new String[] {"eval", "--model", model, "--out", "x", "--device", "tpu"});
    wrong.put(
        "Missing required options: '--model=DIR', '--input=FILE.json'",
        new String[] {"hidden-states"});
    wrong.put("Missing required options: '--model=DIR', '--out=DIR'", new String[] {"eval"});
    wrong.forEach(
        (message, args) -> {
          assertEquals(String.join(" ", args), ExitStatus.USAGE, run(args));
          assertTrue(stderr(), stderr().startsWith("solr-echo " + args[0] + ": " + message + "\n"));
          assertTrue(stderr(), stderr().contains("Usage: bin/solr-echo " + args[0] + " [-hV]"));
          assertEquals("", stdout());
        });
  }

  @Test
  public void anInputThatIsWrongIsAUsageErrorWithTheMessageOnly() throws IOException {
    Path input = temp.newFile("cases.json").toPath();
    Files.writeString(input, "{\"cases\": [", StandardCharsets.UTF_8);
    String model = ProjectFixtures.tinyModel().toString();
    assertEquals(
        ExitStatus.USAGE, run("hidden-states", "--model", model, "--input", input.toString()));
    assertTrue(
        stderr(),
        stderr().startsWith("solr-echo hidden-states: --input " + input + ": not JSON: "));
    assertTrue(stderr(), stderr().contains("'bin/solr-echo hidden-states --help'"));
    assertNoJavaClassNames(stderr());
  }

  @Test
  public void aFailureExitsWithOneAndAMessageWithoutJavaClassNames() {
    Path missing = temp.getRoot().toPath().resolve("no-such-cases.json");
    String model = ProjectFixtures.tinyModel().toString();
    assertEquals(
        ExitStatus.FAILED, run("hidden-states", "--model", model, "--input", missing.toString()));
    assertEquals("solr-echo hidden-states: no such file or folder: " + missing + "\n", stderr());
    assertEquals("", stdout());

    assertEquals(
        ExitStatus.FAILED,
        run("embed", "--model", temp.getRoot().toPath().resolve("no-model").toString()));
    assertTrue(stderr(), stderr().startsWith("solr-echo embed: "));
    assertTrue(stderr(), stderr().contains("no-model"));
    assertNoJavaClassNames(stderr());
  }

  private static void assertNoJavaClassNames(String message) {
    assertFalse(
        message,
        Pattern.compile("\\b(java|javax|com|org|ai|io)\\.[a-z]+\\.").matcher(message).find());
    assertFalse(message, message.contains("Exception"));
  }
}
