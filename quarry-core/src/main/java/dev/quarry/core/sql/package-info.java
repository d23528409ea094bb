/** Plain SQL text handling that does not depend on any database: splitting scripts into statements. */
package dev.quarry.core.sql;
