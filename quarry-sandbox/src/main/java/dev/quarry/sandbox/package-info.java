/**
 * A local StarRocks-compatible server for tests, the quickstart and CI: start one with {@link dev.quarry.sandbox.Sandbox}.
 */
package dev.quarry.sandbox;
