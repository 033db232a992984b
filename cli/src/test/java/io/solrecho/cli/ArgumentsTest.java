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
    assertFalse(Arguments.parse(new String[] {"--no-serve=false"}, ACCEPTED, FLAGS).bool("no-serve", true));
  }

  @Test(expected = IllegalArgumentException.class)
  public void anOptionThatIsNoFlagStillNeedsAValue() {
    Arguments.parse(new String[] {"--port"}, ACCEPTED, FLAGS);
  }
}
