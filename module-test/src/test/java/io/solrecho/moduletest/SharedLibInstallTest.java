package io.solrecho.moduletest;

import org.junit.BeforeClass;

/**
 * The archive's {@code solr-echo/lib} named as Solr's shared lib ({@code sharedLib} in solr.xml), with
 * no module enabled and no install folder set.
 */
public class SharedLibInstallTest extends ArchiveInstallTestCase {
  @BeforeClass
  public static void startSolrWithTheSharedLib() throws Exception {
    startAndIndex("sharedlib", SolrInstall.asSharedLib());
  }
}
