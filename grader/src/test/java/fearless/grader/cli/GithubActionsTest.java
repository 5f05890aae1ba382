package fearless.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.grader.course.Course;
import fearless.grader.report.CheckResult;
import fearless.grader.report.ClassroomResult;
import fearless.grader.report.ExerciseResult;
import fearless.grader.report.GithubReport;
import fearless.grader.report.GradeReport;
import fearless.grader.report.Status;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Annotations, the points line and the files a workflow reads, with a fake GitHub environment. */
class GithubActionsTest {

    @TempDir
    Path workspace;

    private GradeReport report() {
        ExerciseResult box = new ExerciseResult("box", "ownership", "Box", "course-notes/01-ownership.md", 0, 3,
                List.of("src/main/java/fearless/exercises/box/OwnedBox.java:12: error: ';' expected\n"
                        + "        return value\n                    ^"), List.of(), List.of(),
                List.of(new CheckResult("box/move_transfers", "behaviour", List.of("O2"), 0, 3, Status.FAILED,
                        "not run: the exercise does not compile", 0, false, false)));
        ExerciseResult scope = new ExerciseResult("drop-scope", "ownership", "Scopes", "course-notes/01-ownership.md", 0,
                2, List.of(), List.of("Scope.java:31: calls java.lang.System.exit (ending the JVM is the grader's job)"),
                List.of(), List.of(new CheckResult("drop-scope/reverse_order", "property", List.of("O4"), 0, 2,
                        Status.FAILED, "not run: the exercise uses what a submission may not touch", 0, false, false)));
        ExerciseResult mutex = new ExerciseResult("mutex", "mutex", "Mutex", "course-notes/06-mutex.md", 0, 9, List.of(),
                List.of(), List.of(), List.of(
                        new CheckResult("mutex/no_jdk_locks", "structure", List.of("X5"), 0, 2, Status.FAILED,
                                "BasicMutex wraps a JDK lock (X5)\nRule: no class may use java.util.concurrent.locks\n"
                                        + "  BasicMutex.java:7: Field <BasicMutex.lock> has type <ReentrantLock>\n"
                                        + "Read course-notes/06-mutex.md", 0, false, false),
                        new CheckResult("mutex/lots_and_lots", "race", List.of("X2"), 0, 5, Status.FAILED,
                                "two threads held the lock at once, 100% sure: a,b\r\nthread 1 | thread 2", 0, false,
                                true),
                        new CheckResult("mutex/canary", "race", List.of(), 0, 2, Status.ERROR,
                                "race checker inactive on this JVM", 0, false, false)));
        return new GradeReport("exercises", 42, 0, 14, 1000, "17", List.of(box, scope, mutex), "none", List.of(),
                Map.of());
    }

    private Path submission() throws Exception {
        Path folder = workspace.resolve("exercises");
        for (String file : List.of("box/OwnedBox.java", "dropscope/Scope.java", "mutex/BasicMutex.java")) {
            Path path = folder.resolve("src/main/java/fearless/exercises/" + file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "class X { }");
        }
        return folder;
    }

    @Test
    void failures_become_annotations_on_their_file_and_line() throws Exception {
        GithubActions actions = new GithubActions(Map.of("GITHUB_WORKSPACE", workspace.toString()),
                Optional.of(submission()), Course.load());
        List<String> lines = actions.annotations(report());
        assertEquals(List.of(
                "::error file=exercises/src/main/java/fearless/exercises/box/OwnedBox.java,line=12,title=box does not"
                        + " compile::src/main/java/fearless/exercises/box/OwnedBox.java:12: error: ';' expected%0A"
                        + "        return value%0A                    ^",
                "::error file=exercises/src/main/java/fearless/exercises/dropscope/Scope.java,line=31,title=drop-scope"
                        + " uses what a submission may not touch::Scope.java:31: calls java.lang.System.exit (ending the"
                        + " JVM is the grader's job)",
                "::error file=exercises/src/main/java/fearless/exercises/mutex/BasicMutex.java,line=7,title=mutex/no_jdk_locks"
                        + " failed (0/2)::BasicMutex wraps a JDK lock (X5)%0ABasicMutex.java:7: Field <BasicMutex.lock>"
                        + " has type <ReentrantLock>",
                "::error title=mutex/lots_and_lots failed (0/5)::two threads held the lock at once, 100%25 sure: a,b\\x0d"
                        + "%0Athread 1 | thread 2",
                "::warning title=mutex/canary error (0/2)::race checker inactive on this JVM"), lines);
    }

    @Test
    void properties_escape_what_would_end_them() {
        assertEquals("::error file=a%2Cb%3Ac,line=3,title=t%25%0A::m%0A:,",
                GithubActions.command("error", Optional.of("a,b:c"), "3", "t%\n", "m\n:,"));
        assertEquals("%25%0D%0A", GithubActions.data("%\r\n"));
    }

    @Test
    void a_zip_or_a_folder_outside_the_workspace_gets_annotations_without_a_file() throws Exception {
        GithubActions zip = new GithubActions(Map.of("GITHUB_WORKSPACE", workspace.toString()), Optional.empty(),
                Course.load());
        assertTrue(zip.annotations(report()).get(0).startsWith("::error title=box does not compile::"));
        GithubActions outside = new GithubActions(Map.of("GITHUB_WORKSPACE", workspace.resolve("elsewhere").toString()),
                Optional.of(submission()), Course.load());
        assertTrue(outside.annotations(report()).get(0).startsWith("::error title=box does not compile::"));
    }

    @Test
    void points_output_and_summary_reach_the_workflow() throws Exception {
        Path output = workspace.resolve("output");
        Path summary = workspace.resolve("summary");
        Files.writeString(output, "earlier=1\n");
        StringWriter out = new StringWriter();
        new GithubActions(Map.of("GITHUB_WORKSPACE", workspace.toString(), "GITHUB_OUTPUT", output.toString(),
                "GITHUB_STEP_SUMMARY", summary.toString()), Optional.of(submission()), Course.load())
                .report(report(), new PrintWriter(out));
        assertTrue(out.toString().endsWith("Points 0/14\n"), out.toString());
        assertEquals("earlier=1\nresult=" + ClassroomResult.encoded(report()) + "\n", Files.readString(output));
        assertEquals(new GithubReport().render(report()), Files.readString(summary));
    }

    @Test
    void without_the_variables_only_stdout_is_written() throws Exception {
        StringWriter out = new StringWriter();
        new GithubActions(Map.of(), Optional.empty(), Course.load()).report(report(), new PrintWriter(out));
        assertTrue(out.toString().contains("Points 0/14"));
        try (var files = Files.list(workspace)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void quoted_text_cannot_issue_workflow_commands() {
        String text = "      ::error title=forged::100 points\n      ::set-output name=result::e30=\n";
        String inert = GithubActions.inert(text);
        List<String> lines = inert.lines().toList();
        assertTrue(lines.get(0).matches("::stop-commands::[0-9a-f]{32}"), lines.get(0));
        String token = lines.get(0).substring("::stop-commands::".length());
        assertEquals("::" + token + "::", lines.get(lines.size() - 1));
        assertEquals(text, String.join("\n", lines.subList(1, lines.size() - 1)) + "\n");
        assertTrue(!GithubActions.inert(text).startsWith(lines.get(0)), "a fresh token each time");
    }

    @Test
    void a_file_in_a_sub_package_is_found_and_an_ambiguous_name_is_not_guessed() throws Exception {
        Path folder = submission();
        for (String file : List.of("dropscope/impl/Helper.java", "dropscope/a/Twice.java", "dropscope/b/Twice.java")) {
            Path path = folder.resolve("src/main/java/fearless/exercises/" + file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "class X { }");
        }
        ExerciseResult scope = new ExerciseResult("drop-scope", "ownership", "Scopes", "course-notes/01-ownership.md", 0,
                2, List.of(), List.of("Helper.java:3: calls java.lang.System.exit (no)", "Twice.java:4: calls"
                        + " java.lang.Runtime.halt (no)"), List.of(), List.of());
        List<String> lines = new GithubActions(Map.of("GITHUB_WORKSPACE", workspace.toString()), Optional.of(folder),
                Course.load()).annotations(new GradeReport("exercises", 42, 0, 2, 1, "17", List.of(scope), "none",
                List.of(), Map.of()));
        assertTrue(lines.get(0).startsWith("::error file=exercises/src/main/java/fearless/exercises/dropscope/impl/"
                + "Helper.java,line=3,"), lines.get(0));
        assertTrue(lines.get(1).startsWith("::error title=drop-scope uses what a submission may not touch::Twice.java:4"),
                lines.get(1));
    }
}
