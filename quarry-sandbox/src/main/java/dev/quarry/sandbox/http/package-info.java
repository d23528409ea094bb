/** The sandbox's HTTP ports: FE (Stream Load 307, load state, health) and BE (Stream Load, transaction interface, error logs). */
package dev.quarry.sandbox.http;
