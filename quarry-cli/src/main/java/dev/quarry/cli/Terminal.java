package dev.quarry.cli;

import java.io.Console;
import java.util.Optional;

/** Whether the process talks to a person at a terminal: progress bars and prompts only make sense then. */
final class Terminal {
    private Terminal() {}

    /**
     * The console when standard input and output are a terminal. Up to Java 21 {@code System.console()} exists only
     * then; from Java 22 it always exists and {@code Console.isTerminal()} (looked up reflectively: this code is
     * compiled for 17) tells the difference.
     */
    static Optional<Console> console() {
        Console console = System.console();
        if (Runtime.version().feature() < 22) {
            return Optional.ofNullable(console);
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console)
                    ? Optional.of(console)
                    : Optional.empty();
        } catch (ReflectiveOperationException | ClassCastException e) {
            return Optional.empty();
        }
    }
}
