/** Replication engine: Sling-format replication files, stream expansion, the PostgreSQL source and its row reader. */
package dev.quarry.replicate;
