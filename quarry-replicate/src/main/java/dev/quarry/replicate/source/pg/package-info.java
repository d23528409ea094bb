/** The PostgreSQL source: pg_catalog discovery, the type mapping to StarRocks, COPY reads. */
package dev.quarry.replicate.source.pg;
