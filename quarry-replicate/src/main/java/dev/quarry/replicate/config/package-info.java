/** Sling-format replication files as written: keys and options with their declarations, variables, config errors. */
package dev.quarry.replicate.config;
