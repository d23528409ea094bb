/** A project read from its files: config.yaml, MODEL blocks, audits, unit tests, the lexer, the DAG. */
package dev.quarry.models.project;
