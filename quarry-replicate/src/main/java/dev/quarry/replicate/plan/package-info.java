/** Replication files turned into the streams to run: defaults merged, wildcards expanded, selection, target tables. */
package dev.quarry.replicate.plan;
