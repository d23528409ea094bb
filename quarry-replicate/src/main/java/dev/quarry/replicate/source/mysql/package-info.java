/** The MySQL and MariaDB source: information_schema discovery, the type mapping to StarRocks, streamed reads. */
package dev.quarry.replicate.source.mysql;
