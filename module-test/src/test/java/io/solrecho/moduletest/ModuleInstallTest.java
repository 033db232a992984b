package io.solrecho.moduletest;

import org.junit.BeforeClass;

/**
 * The archive unpacked into Solr's {@code modules} folder ({@code modules/solr-echo/lib} under the
 * install folder) and enabled with {@code SOLR_MODULES=solr-echo}.
 */
public class ModuleInstallTest extends ArchiveInstallTestCase {
  @BeforeClass
  public static void startSolrWithTheModule() throws Exception {
    startAndIndex("module", SolrInstall.asModule());
  }
}
