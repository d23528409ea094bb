/** Tools on source-side connections over plain JDBC: test, run SQL, list tables and columns (quarry conns). */
package dev.quarry.replicate.source.jdbc;
