/** StarRocks SQL as data: the lexer, the parser and its syntax errors (docs/sql.md §1). */
package dev.quarry.sql;
