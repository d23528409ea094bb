package dev.quarry.sandbox.engine;

/** Chooses and opens the engine implementation. */
final class EngineFactory {
    private EngineFactory() {}

    static Engine open(EngineConfig config) throws SqlError {
        return DuckEngine.open(config);
    }
}
