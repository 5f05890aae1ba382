package fearless.grader.cli;

import fearless.grader.export.StudentExport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fearless export DIR}: the repository students start from, written from the kit. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a self-contained student repository into DIR (new or empty): the api, the stubs, the"
                + " lessons, the grader with the public checks only, a README and a CI workflow. No reference"
                + " solution, hidden check, calibration mutant or project test goes in.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:DIR is not empty, or the hidden checks cannot be left out",
                "3:the export failed"})
final class ExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Where to write the student repository.")
    private Path dir;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        Path kit = Path.of(System.getProperty("fearless.home", "."));
        stdout.print(StudentExport.of(kit).write(dir.toAbsolutePath().normalize()).render());
        stdout.flush();
        return 0;
    }
}
