package io.solrecho.harness;

import static org.junit.Assert.assertEquals;

import org.apache.solr.client.solrj.SolrQuery;
import org.junit.Test;

/** The BM25 request takes a claim as words, never as query syntax. */
public class LexicalQueryTest {
  @Test
  public void syntaxCharactersAreEscapedAndWordsKept() {
    assertEquals("0\\-dimensional biomaterials \\(in vivo\\) show \\\"inductive\\\" properties\\?",
        LexicalQuery.escape("0-dimensional biomaterials (in vivo) show \"inductive\" properties?"));
  }

  @Test
  public void operatorWordsAreLowerCasedSoTheyAreTerms() {
    assertEquals("cats and dogs or not mice", LexicalQuery.escape("Cats AND dogs OR NOT mice"));
  }

  @Test
  public void theRequestIsEdismaxOverTitleAndBodyWithTheTextAsAParameter() {
    SolrQuery query = LexicalQuery.bm25("A/B: tests", 100);
    assertEquals("{!edismax qf='title body' q.op=OR v=$lexicalText}", query.getQuery());
    assertEquals("a\\/b\\: tests", query.get("lexicalText"));
    assertEquals(Integer.valueOf(100), query.getRows());
    assertEquals("id", query.getFields());
  }
}
