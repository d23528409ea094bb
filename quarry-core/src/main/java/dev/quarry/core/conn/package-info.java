/** Named connections (env.yaml, environment variables, URLs) and opening them through JDBC. */
package dev.quarry.core.conn;
