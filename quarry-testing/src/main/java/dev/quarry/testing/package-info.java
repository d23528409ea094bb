/** Real servers for integration tests, started once per JVM: PostgreSQL, the sandbox. */
package dev.quarry.testing;
