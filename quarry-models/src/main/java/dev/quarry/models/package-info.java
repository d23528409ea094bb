/** SQLMesh-compatible model projects on StarRocks; {@link dev.quarry.models.Workspace} starts plan, apply and run. */
package dev.quarry.models;
