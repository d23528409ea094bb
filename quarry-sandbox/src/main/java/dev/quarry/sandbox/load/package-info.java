/** Stream Load request options and body parsing (CSV, JSON) into the engine's {@code LoadBatch}es, streaming. */
package dev.quarry.sandbox.load;
