/**
 * SQLMesh-compatible model projects on StarRocks: loading, the MODEL parser, validation, macros, the DAG and
 * fingerprints ({@link dev.quarry.models.Project}); planning against the state ({@link dev.quarry.models.Planner},
 * {@link dev.quarry.models.StateStore}); applying and running on StarRocks with audits
 * ({@link dev.quarry.models.Executor}, {@link dev.quarry.models.Workspace}); unit tests
 * ({@link dev.quarry.models.TestRunner}).
 */
package dev.quarry.models;
