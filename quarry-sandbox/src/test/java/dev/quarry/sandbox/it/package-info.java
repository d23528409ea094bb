/** Conformance suite: the sandbox over its real ports with real drivers, HTTP clients and the mariadb CLI. */
package dev.quarry.sandbox.it;
