package fearless.grader.notes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * Every Rust snippet of the lessons does what its fence says rustc does with it: refused with
 * the error code it names, or compiled, run, and printing its output block. One test per
 * snippet, named {@code lesson:line}. Where no rustc 1.95 or newer is on the PATH, the snippets
 * are not compiled (each test is skipped, saying why), but a fence that states no outcome the
 * test knows still fails.
 */
class RustSnippetsTest {

    private static final Path NOTES = Path.of("..", "course-notes");
    private static final Duration COMPILE_LIMIT = Duration.ofSeconds(60);
    /** Every program of the lessons ends in well under a second; a loop or a deadlock is stopped here. */
    private static final Duration RUN_LIMIT = Duration.ofSeconds(10);
    /** rustc uses one core for these tiny programs: one compilation per core. */
    private static final int PARALLEL = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    @TempDir
    static Path work;

    @TestFactory
    Stream<DynamicTest> every_rust_snippet_gets_from_rustc_what_its_fence_says() {
        List<RustSnippet> snippets = LessonSnippets.read(NOTES.toAbsolutePath().normalize());
        assertFalse(snippets.isEmpty(), "no lesson in " + NOTES + " has a ```rust snippet");
        Rustc rustc = Rustc.onPath();
        if (rustc.available()) {
            System.out.println("The lessons' " + snippets.size() + " Rust snippets, checked with " + rustc.version()
                    + " (" + rustc.executable() + "), " + PARALLEL + " at a time");
        } else {
            System.out.println("NOTICE: the lessons' " + snippets.size() + " Rust snippets are not compiled: "
                    + rustc.unavailable() + ". Put rustc 1." + Rustc.MIN_MINOR + " or newer on the PATH to check them.");
        }
        Map<RustSnippet, CompletableFuture<Optional<String>>> verdicts = rustc.available()
                ? checkAll(new SnippetCheck(rustc, COMPILE_LIMIT, RUN_LIMIT), snippets) : Map.of();
        return snippets.stream().map(snippet -> dynamicTest(snippet.name(), source(snippet), () -> {
            Optional<String> wrongFence = SnippetCheck.fenceProblems(snippet);
            if (wrongFence.isPresent()) {
                throw new AssertionFailedError(wrongFence.get());
            }
            assumeTrue(rustc.available(), () -> snippet.where() + " not compiled: " + rustc.unavailable());
            Optional<String> failure = verdict(verdicts.get(snippet));
            if (failure.isPresent()) {
                throw new AssertionFailedError(failure.get());
            }
        }));
    }

    /** Starts every snippet's check at once, {@link #PARALLEL} at a time, in lesson order. */
    private static Map<RustSnippet, CompletableFuture<Optional<String>>> checkAll(SnippetCheck check,
            List<RustSnippet> snippets) {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, task -> {
            Thread thread = new Thread(task, "rustc-snippets");
            thread.setDaemon(true);
            return thread;
        });
        Map<RustSnippet, CompletableFuture<Optional<String>>> verdicts = new LinkedHashMap<>();
        for (RustSnippet snippet : snippets) {
            verdicts.put(snippet, CompletableFuture.supplyAsync(() -> {
                try {
                    return check.check(snippet, work);
                } catch (Exception e) {
                    throw new IllegalStateException(snippet.where() + ": could not be checked: " + e, e);
                }
            }, pool));
        }
        pool.shutdown();
        return verdicts;
    }

    private static Optional<String> verdict(CompletableFuture<Optional<String>> verdict) throws Exception {
        try {
            // The limits bound each step; this bounds the wait for the snippets queued before it.
            return verdict.get(10, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** The lesson's line, so that an IDE opens the snippet from the test. */
    private static URI source(RustSnippet snippet) {
        return URI.create(NOTES.resolve(snippet.lesson().substring(snippet.lesson().indexOf('/') + 1))
                .toAbsolutePath().normalize().toUri() + "?line=" + snippet.line());
    }
}
