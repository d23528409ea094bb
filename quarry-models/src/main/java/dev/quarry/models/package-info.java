/** SQLMesh-compatible model projects on StarRocks: loading, the MODEL parser, validation, macros, the DAG and fingerprints. */
package dev.quarry.models;
