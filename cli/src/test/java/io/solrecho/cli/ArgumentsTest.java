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

import java.util.Set;
import org.junit.Test;

/** Options of a command line: values and switches. */
public class ArgumentsTest {
  private static final Set<String> ACCEPTED = Set.of("no-serve", "port");
  private static final Set<String> FLAGS = Set.of("no-serve");

  @Test
  public void aFlagTakesNoValueWhereverItStands() {
    Arguments last = Arguments.parse(new String[] {"--port", "1", "--no-serve"}, ACCEPTED, FLAGS);
    assertTrue(last.bool("no-serve", false));
    assertEquals(1, last.integer("port", 0));
    Arguments first = Arguments.parse(new String[] {"--no-serve", "--port", "2"}, ACCEPTED, FLAGS);
    assertTrue(first.bool("no-serve", false));
    assertEquals(2, first.integer("port", 0));
  }

  @Test
  public void aFlagCanStillBeSetExplicitly() {
    assertFalse(
        Arguments.parse(new String[] {"--no-serve=false"}, ACCEPTED, FLAGS).bool("no-serve", true));
  }

  @Test(expected = IllegalArgumentException.class)
  public void anOptionThatIsNoFlagStillNeedsAValue() {
    Arguments.parse(new String[] {"--port"}, ACCEPTED, FLAGS);
  }
}
