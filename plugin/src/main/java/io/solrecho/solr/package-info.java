/**
 * Solr glue: echo embeddings written at index time and searched with {@code {!echo}}.
 *
 * <h2>Configuration</h2>
 *
 * <p>Models are declared once per configset, in {@code echo-models.json} beside solrconfig.xml
 * (read through the core's resource loader, so in SolrCloud it lives in ZooKeeper with the rest of
 * the configset). Processors and query parsers name a model; model folders come only from this
 * file, never from a request. {@code ${property:default}} in a value is replaced by the system
 * property; a relative {@code path} resolves against {@code -Dsolr.echo.models.dir}, else the Solr
 * home.
 *
 * <pre>
 * {"models": {"toy": {"path": "${solr.echo.model.dir:models/tiny-gpt2}", "device": "cpu",
 *   "dtype": "float32", "mode": "echo", "documentTemplate": "...{x}...{x}", "queryTemplate": "...",
 *   "instruction": "...", "pooling": "mean", "normalize": true, "spans": "pieces", "maxTokens": 100,
 *   "batchSize": 16, "addBos": false, "queueCapacity": 1024, "timeoutMs": 60000,
 *   "queryCacheSize": 1024}}}
 * </pre>
 *
 * <p>See {@link io.solrecho.solr.EchoUpdateProcessorFactory} and {@link
 * io.solrecho.solr.EchoQParserPlugin} for their parameters, and {@code solr-config/conf} in the
 * repository for a complete configset.
 *
 * <h2>Sharing</h2>
 *
 * <p>{@link io.solrecho.solr.EchoModelRegistry} holds one model per JVM for every declaration with
 * the same folder and settings (whatever its name, whichever configset): each processor factory and
 * query parser takes a lease when its core loads and returns it when the core closes; the model
 * loads on first use and closes with its last lease.
 *
 * <h2>Documents</h2>
 *
 * <p>The text is the values of the input fields, in order (a multi-valued field's values in their
 * order), blank values dropped, joined by the separator. Strings, numbers and booleans are text;
 * other values are errors. A document with no text, or text the model refuses, is rejected ({@code
 * onError=fail}, 400 naming the document and field) or indexed without a vector ({@code
 * onError=skip}, counted). A model that is overloaded or failing gives a 503 either way.
 *
 * <p>Atomic updates: one that touches none of the input fields keeps the stored vector (the vector
 * field must be stored; Solr's atomic update carries it over) and is not embedded. One that touches
 * them is embedded from the text it leaves, and its vector and fingerprint are added to it as
 * {@code set} operations: one that {@code set}s all the input fields from the new values alone; any
 * other (another operation, or setting only some of several) from the latest stored input fields,
 * read with real-time get (updates not yet committed count) on the receiving core, or in SolrCloud
 * from the leader of the document's shard when the receiving core is not that leader, with the
 * update applied by Solr's {@code AtomicUpdateDocumentMerger}. A document that does not exist yet
 * starts empty, as in Solr; a document updated earlier in the same request starts from what that
 * update left. Each update is still embedded once, on the receiving node. The stored document is
 * read before {@code DistributedUpdateProcessorFactory} merges the update: if another request
 * changes the same document's input fields in between, both changes reach the fields but the vector
 * misses the other one. Send the document's {@code _version_} (optimistic concurrency) to rule that
 * out: Solr then applies the update only if the document is still at that version, the one that was
 * read, and answers 409 otherwise. A nested (child) document's update must set all of the input
 * fields or none.
 *
 * <h2>Queries</h2>
 *
 * <p>The query parser embeds with the query template, caches query vectors per model, and refuses a
 * query (400) when live documents carry vectors of another model fingerprint in the fingerprint
 * field (checked once per searcher).
 */
package io.solrecho.solr;
