package dev.quarry.models.plan;

import static java.util.Objects.requireNonNull;

/**
 * What a model is, as two hashes (SHA-256, hex). {@code data} covers everything that changes the rows: the
 * normalised query and statements, kind, columns, table layout, the variables the SQL uses, seed contents and
 * the data fingerprints of every upstream model. {@code metadata} covers the rest (description, owner, cron,
 * tags, audits, ...): a change there alone rebuilds nothing.
 *
 * @param data hash of what determines the model's data, upstream included
 * @param own hash of the model's own data-affecting definition, without upstream: when only {@code data} changed,
 *            the change came from upstream (an indirect modification)
 * @param metadata hash of the descriptive rest
 */
public record Fingerprint(String data, String own, String metadata) {
    public Fingerprint {
        requireNonNull(data, "data is null");
        requireNonNull(own, "own is null");
        requireNonNull(metadata, "metadata is null");
        if (data.length() != 64 || own.length() != 64 || metadata.length() != 64) {
            throw new IllegalArgumentException("fingerprints are 64 hex digits");
        }
    }

    /**
     * A short version for physical table names: 10 hex digits (40 bits) of the data hash, so that
     * {@code quarry__schema.schema__table__version} fits StarRocks' 64-character names in more cases.
     */
    public String version() {
        return data.substring(0, 10);
    }
}
