package dev.quarry.replicate.source;

import java.util.List;

/** What wildcard expansion asks of a source: the tables and views of a schema, in name order. */
public interface SourceCatalog {
    List<SourceTable> tables(String schema);
}
