/** Reading YAML with line and column for every value, so configuration errors can point at file:line:column. */
package dev.quarry.core.yaml;
