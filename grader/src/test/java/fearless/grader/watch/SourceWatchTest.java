package fearless.grader.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saves on a real file system, seen through the JDK's {@code WatchService}. The bounds are
 * generous: the project's tests run on loaded machines, and a watch that answers late still works.
 */
class SourceWatchTest {

    /** How long a save may take to be seen here; in use it is a fraction of a second. */
    private static final Duration SEEN_WITHIN = Duration.ofSeconds(10);

    /** How long a test waits to be sure that nothing more comes. */
    private static final Duration NOTHING_WITHIN = Duration.ofMillis(800);

    @TempDir
    Path dir;

    private Path sources;
    private SourceWatch watch;
    private final ExecutorService background = Executors.newCachedThreadPool();

    @BeforeEach
    void watchAFreshTree() throws IOException {
        sources = Files.createDirectories(dir.resolve("src/main/java/fearless/exercises/box"));
        Files.writeString(sources.resolve("OwnedBox.java"), "class OwnedBox { }");
        watch = new SourceWatch(List.of(dir.resolve("src/main/java")));
    }

    @AfterEach
    void stop() {
        watch.close();
        background.shutdownNow();
    }

    private Future<Optional<List<Path>>> nextSave() {
        return background.submit(watch::next);
    }

    private List<Path> saved(Future<Optional<List<Path>>> next) throws Exception {
        return next.get(SEEN_WITHIN.toMillis(), TimeUnit.MILLISECONDS).orElseThrow();
    }

    private void assertNothingMore() throws Exception {
        Future<Optional<List<Path>>> more = nextSave();
        try {
            Optional<List<Path>> saved = more.get(NOTHING_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("one save seen twice, or a temporary file seen: " + saved);
        } catch (TimeoutException expected) {
            more.cancel(true);
        }
    }

    @Test
    void a_save_is_seen_once() throws Exception {
        Future<Optional<List<Path>>> next = nextSave();
        Files.writeString(sources.resolve("OwnedBox.java"), "class OwnedBox { int x; }");
        assertEquals(List.of(Path.of("fearless/exercises/box/OwnedBox.java")), saved(next));
        assertNothingMore();
    }

    /** Vim's save with its defaults: probe file, backup by rename, new file, mode, backup removed. */
    @Test
    void an_editors_burst_of_events_is_one_save_of_the_source_alone() throws Exception {
        Future<Optional<List<Path>>> next = nextSave();
        Path file = sources.resolve("OwnedBox.java");
        Files.writeString(sources.resolve("4913"), "");
        Files.delete(sources.resolve("4913"));
        Files.writeString(sources.resolve(".OwnedBox.java.swp"), "swap");
        Files.move(file, sources.resolve("OwnedBox.java~"), StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(file, "class OwnedBox { int y; }");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.delete(sources.resolve("OwnedBox.java~"));
        Files.writeString(sources.resolve(".#OwnedBox.java"), "lock");
        assertEquals(List.of(Path.of("fearless/exercises/box/OwnedBox.java")), saved(next));
        assertNothingMore();
    }

    @Test
    void editor_temporary_and_backup_files_alone_are_no_save() throws Exception {
        Future<Optional<List<Path>>> next = nextSave();
        for (String name : List.of("OwnedBox.java~", ".#OwnedBox.java", ".OwnedBox.java.swp", "4913", "notes.txt")) {
            Files.writeString(sources.resolve(name), "scratch");
        }
        Thread.sleep(NOTHING_WITHIN.toMillis());
        assertFalse(next.isDone(), "a temporary file counted as a save");
        Files.writeString(sources.resolve("OwnedBoxes.java"), "class OwnedBoxes { }");
        assertEquals(List.of(Path.of("fearless/exercises/box/OwnedBoxes.java")), saved(next));
    }

    @Test
    void a_folder_created_later_is_watched() throws Exception {
        Path deep = sources.resolve("impl/state");
        Future<Optional<List<Path>>> next = nextSave();
        Files.createDirectories(deep);
        Thread.sleep(NOTHING_WITHIN.toMillis());
        assertFalse(next.isDone(), "an empty folder counted as a save");
        Files.writeString(deep.resolve("State.java"), "class State { }");
        assertEquals(List.of(Path.of("fearless/exercises/box/impl/state/State.java")), saved(next));
    }

    @Test
    void a_folder_moved_in_brings_its_sources() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere/impl"));
        Files.writeString(elsewhere.resolve("Helper.java"), "class Helper { }");
        Future<Optional<List<Path>>> next = nextSave();
        Files.move(elsewhere, sources.resolve("impl"), StandardCopyOption.ATOMIC_MOVE);
        assertEquals(List.of(Path.of("fearless/exercises/box/impl/Helper.java")), saved(next));
        Future<Optional<List<Path>>> again = nextSave();
        Files.writeString(sources.resolve("impl/Helper.java"), "class Helper { int h; }");
        assertEquals(List.of(Path.of("fearless/exercises/box/impl/Helper.java")), saved(again));
    }

    @Test
    void closing_ends_the_wait() throws Exception {
        Future<Optional<List<Path>>> next = nextSave();
        Thread.sleep(100);
        watch.close();
        assertEquals(Optional.empty(), next.get(SEEN_WITHIN.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** The watcher itself on a real folder: one save, one grading more, within a generous bound. */
    @Test
    void a_save_is_graded_once_more() throws Exception {
        AtomicInteger gradings = new AtomicInteger();
        Watcher.Grading grading = (exercises, onPrepared) -> {
            gradings.incrementAndGet();
            return WatcherTest.report(Map.of("box", 0));
        };
        CompletableFuture<Void> watching = watchInBackground(grading);
        awaitGradings(gradings, 1);
        Files.writeString(sources.resolve("OwnedBox.java"), "class OwnedBox { int z; }");
        awaitGradings(gradings, 2);
        Thread.sleep(NOTHING_WITHIN.toMillis());
        assertEquals(2, gradings.get());
        watch.close();
        watching.get(SEEN_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Saves made while a grading runs are graded after it, together, never at the same time. */
    @Test
    void saves_during_a_grading_are_graded_once_after_it() throws Exception {
        AtomicInteger gradings = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        CountDownLatch secondStarted = new CountDownLatch(1);
        CountDownLatch savedMeanwhile = new CountDownLatch(1);
        Watcher.Grading grading = (exercises, onPrepared) -> {
            assertEquals(1, running.incrementAndGet(), "two gradings at once");
            try {
                if (gradings.incrementAndGet() == 2) {
                    secondStarted.countDown();
                    savedMeanwhile.await();
                }
                return WatcherTest.report(Map.of("box", 0));
            } finally {
                running.decrementAndGet();
            }
        };
        CompletableFuture<Void> watching = watchInBackground(grading);
        awaitGradings(gradings, 1);
        Files.writeString(sources.resolve("OwnedBox.java"), "class OwnedBox { int a; }");
        assertTrue(secondStarted.await(SEEN_WITHIN.toMillis(), TimeUnit.MILLISECONDS));
        Files.writeString(sources.resolve("OwnedBox.java"), "class OwnedBox { int b; }");
        Thread.sleep(300);
        Files.writeString(sources.resolve("OwnedBoxes.java"), "class OwnedBoxes { }");
        Thread.sleep(300);
        savedMeanwhile.countDown();
        awaitGradings(gradings, 3);
        Thread.sleep(NOTHING_WITHIN.toMillis());
        assertEquals(3, gradings.get());
        watch.close();
        watching.get(SEEN_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
    }

    private CompletableFuture<Void> watchInBackground(Watcher.Grading grading) {
        PrintWriter out = new PrintWriter(new StringWriter(), true);
        return CompletableFuture.runAsync(() -> {
            try {
                new Watcher(WatcherTest.COURSE, grading, watch, out).run(Optional.of("box"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, background);
    }

    private static void awaitGradings(AtomicInteger gradings, int count) throws InterruptedException {
        long end = System.nanoTime() + SEEN_WITHIN.toNanos();
        while (gradings.get() < count && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertEquals(count, gradings.get(), "gradings after " + SEEN_WITHIN.toSeconds() + " s");
    }

    @Test
    void only_sources_and_registrations_matter() {
        assertTrue(SourceWatch.matters(Path.of("a/B.java")));
        assertTrue(SourceWatch.matters(Path.of("META-INF/services/fearless.api.ownership.BoxProvider")));
        for (String ignored : List.of("a/B.java~", "a/.#B.java", "a/.B.java.swp", "a/4913", "a/B.class", "notes.md")) {
            assertFalse(SourceWatch.matters(Path.of(ignored)), ignored);
        }
    }
}
