package dev.quarry.replicate.load;

import dev.quarry.core.Log;

/** What loading one stream reports as it goes: lines worth showing and each loaded chunk. */
public interface LoadListener {
    /** Writes the lines to the console log ({@link Log}) and ignores chunks. */
    LoadListener LOG = new LoadListener() {
        @Override
        public void info(String message) {
            Log.info(message);
        }

        @Override
        public void warning(String message) {
            Log.warn(message);
        }
    };

    void info(String message);

    void warning(String message);

    /** Chunk {@code chunk} (1, 2, ...) of the current read was loaded. */
    default void chunkLoaded(int chunk) {}
}
