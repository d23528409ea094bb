package dev.quarry.core;

/** The user asked for something that cannot work as written: bad arguments, bad env.yaml, unknown names. Exit 2. */
public class ConfigException extends QuarryException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message, null);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public final int exitCode() {
        return 2;
    }
}
