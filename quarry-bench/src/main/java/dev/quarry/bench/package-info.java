/** Benchmarks run as plain programs ({@code bench/run}); never part of the tests' pass/fail. */
package dev.quarry.bench;
