package fearless.grader.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** The command line as a user runs it, keeping what it printed: the fixture of the command tests. */
final class Terminal {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** Where the kit is: {@code ./fearless} sets it; the tests run in grader/, the kit is {@code ..}. */
    private static final String HOME = "fearless.home";

    /** Runs {@code fearless ARGS}; its exit code. */
    int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** Runs {@code fearless ARGS} as {@code ./fearless} of the kit at {@code home} would; its exit code. */
    int runIn(Path home, String... args) {
        String before = System.getProperty(HOME);
        System.setProperty(HOME, home.toAbsolutePath().normalize().toString());
        try {
            return run(args);
        } finally {
            if (before == null) {
                System.clearProperty(HOME);
            } else {
                System.setProperty(HOME, before);
            }
        }
    }
}
