/** The sandbox's SQL engine: StarRocks catalog and table semantics, stored and executed in DuckDB. */
package dev.quarry.sandbox.engine;
