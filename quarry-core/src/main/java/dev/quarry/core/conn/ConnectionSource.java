package dev.quarry.core.conn;

/** Where a connection was defined; shown by {@code conns list}. Environment variables win over env.yaml. */
public enum ConnectionSource {
    ENV_YAML("env.yaml"),
    ENV_VARIABLE("env variable");

    private final String label;

    ConnectionSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
