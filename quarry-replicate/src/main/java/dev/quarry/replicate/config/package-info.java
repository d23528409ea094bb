/** Sling-format replication files as written: keys, options, variables, errors (public for the planner and loaders). */
package dev.quarry.replicate.config;
