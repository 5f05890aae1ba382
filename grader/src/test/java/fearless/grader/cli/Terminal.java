package fearless.grader.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** The command line as a user runs it, keeping what it printed: the fixture of the command tests. */
final class Terminal {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** Runs {@code fearless ARGS}; its exit code. */
    int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
