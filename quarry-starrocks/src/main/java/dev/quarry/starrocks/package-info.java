/** StarRocks on the client side: type names, DDL and DML rendering, the Stream Load client and the cluster probe. */
package dev.quarry.starrocks;
