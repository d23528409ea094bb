/** The syntax tree of StarRocks SQL: immutable records, one sealed family per kind of node (docs/sql.md §3). */
package dev.quarry.sql.ast;
