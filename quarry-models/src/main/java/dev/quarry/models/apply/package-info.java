/** Applying a plan on StarRocks: a build strategy per model kind, step scheduling, audits, promotion, seeds. */
package dev.quarry.models.apply;
