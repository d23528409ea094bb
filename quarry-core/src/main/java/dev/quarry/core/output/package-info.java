/** Rendering query results for people (boxed tables) and for programs (CSV, JSON). */
package dev.quarry.core.output;
