package fearless.grader.cli;

import fearless.grader.course.Course;
import fearless.grader.course.Course.ExerciseInfo;
import fearless.grader.engine.CheckCatalog;
import fearless.grader.notes.CourseNotes;
import fearless.grader.notes.NotesSite;
import fearless.grader.notes.RuleIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fearless notes}: the course notes as a static site, and the rule index they carry. */
@Command(name = "notes", mixinStandardHelpOptions = true,
        description = "Render course-notes/ to a static site in DIR: index.html, one page per lesson, the glossary and"
                + " the rule index (made fresh from the manifest and the checks). Nothing in it is fetched from the"
                + " network: open DIR/index.html from disk or publish the folder as it is.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "3:writing failed"})
final class NotesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "fearless-notes",
            description = "Where to write the site (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--rule-index",
            description = "Instead, rewrite course-notes/" + RuleIndex.FILE + " from the manifest, the checks and the lessons.")
    private boolean ruleIndex;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        Path folder = Path.of(System.getProperty("fearless.home", ".")).resolve("course-notes");
        Course course = Course.load();
        CourseNotes notes = CourseNotes.read(folder);
        var index = RuleIndex.page(course, CheckCatalog.discover(course, CheckCatalog.CHECKS_PACKAGE,
                course.exercises().stream().map(ExerciseInfo::id).toList()), notes);
        if (ruleIndex) {
            Path file = folder.resolve(RuleIndex.FILE);
            Files.writeString(file, index.markdown());
            stdout.println("wrote " + file);
        } else {
            Path target = out.toAbsolutePath().normalize();
            List<Path> pages = NotesSite.write(notes.with(index), course.title(), target);
            stdout.println("wrote " + pages.size() + " pages to " + target + ": open " + pages.get(0));
        }
        stdout.flush();
        return 0;
    }
}
