package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTest {
    @Test
    void everyExampleLineOfEveryCommandsHelpStaysWhole() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CommandLine main = Main.commandLine(
                new CliContext(Path.of("/nonexistent"), Map.of(), Path.of("."), sink, sink, Clock.systemUTC()));
        List<CommandLine> all = new ArrayList<>();
        collect(main, all);
        int checked = 0;
        for (CommandLine command : all) {
            String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            for (String line : command.getCommandSpec().usageMessage().footer()) {
                // A line with % is a format string to picocli (%n, %%); the others print as written.
                if (line.startsWith("  quarry") && line.indexOf('%') < 0) {
                    assertThat(usage)
                            .as(command.getCommandSpec().qualifiedName() + " help")
                            .contains(line.stripTrailing());
                    checked++;
                }
            }
        }
        assertThat(checked).as("example lines checked").isGreaterThan(10);
    }

    private static void collect(CommandLine command, List<CommandLine> out) {
        out.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, out));
    }
}
