package fearless.grader.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fearless}: the command line of the kit. */
@Command(name = "fearless", mixinStandardHelpOptions = true, version = "fearless 0.1.0",
        description = "Rust's ownership and concurrency model, taught and graded in Java.",
        subcommands = {GradeCommand.class, WatchCommand.class, ListCommand.class, HintCommand.class,
                PackCommand.class, CalibrateCommand.class, SelfcheckCommand.class, NewCommand.class,
                ExportCommand.class, NotesCommand.class, BatchCommand.class, MergeCommand.class, GradescopeZipCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code for a request that cannot be graded (bad path, no provider, unknown exercise). */
    static final int USAGE = 2;

    /** Exit code for a failure of the grader itself. */
    static final int GRADER_ERROR = 3;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new Failures());
    }
}
