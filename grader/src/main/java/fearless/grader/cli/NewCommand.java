package fearless.grader.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code fearless new}: creates the files of something new in the course, ready to fill in. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Create a new part of the course, with TODOs that say what to fill in.",
        subcommands = {NewExerciseCommand.class})
final class NewCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Without a subcommand there is nothing to create: say what can be. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.USAGE;
    }
}
