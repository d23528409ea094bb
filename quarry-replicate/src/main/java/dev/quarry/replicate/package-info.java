/** Replication engine: a replication run ({@link dev.quarry.replicate.Replication}) and what it reports as it runs. */
package dev.quarry.replicate;
