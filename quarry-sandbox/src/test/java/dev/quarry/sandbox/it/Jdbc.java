package dev.quarry.sandbox.it;

import dev.quarry.sandbox.Sandbox;

/** JDBC URLs for the ITs: a read that gets no answer fails the test instead of hanging the build. */
final class Jdbc {
    static final int SOCKET_TIMEOUT_MS = 60_000;

    private Jdbc() {}

    static String url(Sandbox sandbox) {
        return sandbox.jdbcUrl() + "&connectTimeout=10000&socketTimeout=" + SOCKET_TIMEOUT_MS;
    }
}
