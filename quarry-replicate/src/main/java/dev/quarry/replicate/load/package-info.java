/** Writing streams into StarRocks: full refresh, incremental, chunk bodies, the CSV framing Stream Load reads. */
package dev.quarry.replicate.load;
