/** What a replication reads from a source database: {@link dev.quarry.replicate.source.Source} and its values. */
package dev.quarry.replicate.source;
