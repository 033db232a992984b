package io.solrecho.harness;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.solrecho.demo.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/** The benchmark's configset: the checkout's, without Solr's query result cache. */
public class BenchConfigSetTest {
  @Test
  public void theCopyHasNoQueryResultCacheAndEverythingElse() throws Exception {
    Path source = ProjectLayout.locate().configSet();
    assertTrue(Files.readString(source.resolve("solrconfig.xml")).contains("<queryResultCache"));
    Path folder;
    try (BenchConfigSet copy = BenchConfigSet.copyWithoutQueryResultCache(source)) {
      folder = copy.folder();
      String config = Files.readString(folder.resolve("solrconfig.xml"));
      assertFalse(config, config.contains("queryResultCache"));
      assertTrue(config, config.contains("<filterCache"));
      assertTrue(config, config.contains("io.solrecho.solr.EchoUpdateProcessorFactory"));
      assertEquals(Files.readString(source.resolve("managed-schema.xml")), Files.readString(folder.resolve("managed-schema.xml")));
      assertTrue(Files.isRegularFile(folder.resolve("echo-models.json")));
    }
    assertFalse("deleted on close", Files.exists(folder));
  }
}
