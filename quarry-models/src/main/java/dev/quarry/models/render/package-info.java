/** Rendering model SQL: SQLMesh's macros and date variables, and table references pointed elsewhere. */
package dev.quarry.models.render;
