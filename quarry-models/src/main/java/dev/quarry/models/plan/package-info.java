/** Planning: fingerprints, changes against an environment, physical names, the steps and intervals to build. */
package dev.quarry.models.plan;
