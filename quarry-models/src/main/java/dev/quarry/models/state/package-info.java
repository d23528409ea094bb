/** Quarry's state (snapshots, environments, intervals) in SQLite, DuckDB or PostgreSQL, and its lock. */
package dev.quarry.models.state;
