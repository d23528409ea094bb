/** Real servers for integration tests, started once per JVM: PostgreSQL, the sandbox; and a generated model project. */
package dev.quarry.testing;
