package dev.quarry.models.project;

import java.util.ArrayList;
import java.util.Map;

/** Models read from text without a project directory, for the tests of the packages that use them. */
public final class ModelFixtures {
    private ModelFixtures() {}

    /** The model in {@code text} (a MODEL block and its statements), as if read from {@code file}. */
    public static Model read(String file, String text) {
        return new ModelReader(file, Map.of(), new ArrayList<>()).read(text);
    }
}
