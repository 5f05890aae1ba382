package fearless.grader.cli;

import fearless.grader.export.GradescopeAutograder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fearless gradescope-zip DIR}: the autograder zip to upload to Gradescope. */
@Command(name = "gradescope-zip", mixinStandardHelpOptions = true,
        description = "Write DIR/autograder.zip (DIR new or empty), a Gradescope autograder: setup.sh, run_autograder"
                + " and the kit with every check, hidden ones included; no reference solution.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:DIR is not empty", "3:writing failed"})
final class GradescopeZipCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Where to write autograder.zip.")
    private Path dir;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        Path kit = Path.of(System.getProperty("fearless.home", "."));
        Path target = dir.toAbsolutePath().normalize();
        stdout.print(GradescopeAutograder.render(target.resolve(GradescopeAutograder.ZIP),
                new GradescopeAutograder(kit).write(target)));
        stdout.flush();
        return 0;
    }
}
