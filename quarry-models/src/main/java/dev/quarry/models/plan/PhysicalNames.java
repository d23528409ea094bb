package dev.quarry.models.plan;

import dev.quarry.models.project.Model;
import dev.quarry.models.project.ModelException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Where a model lives in StarRocks. Physical objects are named by fingerprint in {@code quarry__<schema>}
 * ({@code <schema>__<table>__<version>}); environments are views {@code <schema>.<table>} (prod) or
 * {@code <schema>__<env>.<table>} (docs/sqlmesh.md §5.2). StarRocks names hold at most 64 characters
 * (docs/sqlmesh.md §5.2, MAX_IDENTIFIER_LENGTH), so a longer name keeps a readable prefix and gains a hash.
 */
public final class PhysicalNames {
    /** StarRocks' limit on database and table names. */
    static final int MAX_NAME = 64;
    /** The environment whose views carry the bare schema names. */
    public static final String PROD = "prod";

    private PhysicalNames() {}

    /** The database holding the physical objects of models in {@code schema}. */
    public static String physicalDatabase(Model model) {
        return fit("quarry__" + schemaOf(model));
    }

    /** The physical table (or view) of {@code model} at fingerprint version {@code version}. */
    public static String physicalTable(Model model, String version) {
        return fit(schemaOf(model) + "__" + model.table() + "__" + version);
    }

    /** The database of {@code environment}'s views for the model's schema. */
    public static String environmentDatabase(Model model, String environment) {
        return environmentDatabase(schemaOf(model), environment);
    }

    /** The database of {@code environment}'s views for {@code schema}. */
    public static String environmentDatabase(String schema, String environment) {
        return PROD.equals(environment) ? schema : fit(schema + "__" + environment);
    }

    /**
     * The version in physical names: the first 10 hex digits of a data fingerprint (see {@link Fingerprint#version()}).
     */
    public static String version(String fingerprint) {
        return fingerprint.substring(0, 10);
    }

    /** {@code `db`.`table`} of the physical object. */
    public static String qualifiedPhysical(Model model, String version) {
        return dev.quarry.starrocks.StarRocksDialect.qualified(physicalDatabase(model), physicalTable(model, version));
    }

    private static String schemaOf(Model model) {
        if (model.schema().isEmpty()) {
            throw new ModelException(
                    model.location(),
                    "model " + model.name()
                            + " needs a schema-qualified name (schema.table): its schema names the StarRocks database");
        }
        return model.schema();
    }

    /** Checks an environment name: it becomes part of database names. */
    public static String checkEnvironment(String environment) {
        String e = environment.toLowerCase(Locale.ROOT);
        if (!e.matches("[a-z0-9_]+")) {
            throw new dev.quarry.core.ConfigException("environment name '" + environment
                    + "' may hold only letters, digits and underscores (it becomes part of database names)");
        }
        return e;
    }

    /** {@code name} itself when it fits; else a prefix, two underscores and 12 hex digits of its SHA-256. */
    public static String fit(String name) {
        if (name.length() <= MAX_NAME) {
            return name;
        }
        String hash = sha256(name).substring(0, 12);
        return name.substring(0, MAX_NAME - 2 - hash.length()) + "__" + hash;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
