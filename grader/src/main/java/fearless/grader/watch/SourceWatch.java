package fearless.grader.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The saves in a submission's source folders, one batch per save. An editor writes a file in
 * several events (a backup, a temporary file, a rename, a change of mode): events that follow each
 * other within {@link #QUIET} are one batch, and only the files grading reads count ({@code .java}
 * files and provider registrations), never an editor's temporary or backup files. The JDK's
 * {@link WatchService} sees one folder at a time, so every folder of the tree is registered, and
 * every folder created later as soon as it appears.
 */
public final class SourceWatch implements Changes, AutoCloseable {

    /** How long the events of one save may be apart. */
    static final Duration QUIET = Duration.ofMillis(150);

    /** A batch ends here even if events keep coming (a build writing into the tree, say). */
    private static final Duration LONGEST_BATCH = Duration.ofSeconds(2);

    /** As deep as the grader's intake walks. */
    private static final int MAX_DEPTH = 32;

    private final List<Path> roots;
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();

    /** Whether the tree given at the start is registered: a folder that cannot be watched later is skipped. */
    private volatile boolean watching;

    /** Watches every folder below {@code roots} (the submission's sources and resources). */
    public SourceWatch(List<Path> roots) throws IOException {
        this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
        this.service = FileSystems.getDefault().newWatchService();
        try {
            for (Path root : this.roots) {
                register(root, null);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        watching = true;
    }

    /**
     * The files saved since the last call, relative to their root, once their events have stopped
     * for {@link #QUIET}; empty once the watch is closed.
     */
    @Override
    public Optional<List<Path>> next() throws InterruptedException {
        Set<Path> saved = new LinkedHashSet<>();
        try {
            while (saved.isEmpty()) {
                collect(service.take(), saved);
            }
            long end = System.nanoTime() + LONGEST_BATCH.toNanos();
            WatchKey key;
            while (System.nanoTime() < end && (key = service.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                collect(key, saved);
            }
        } catch (ClosedWatchServiceException closed) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(saved));
    }

    /** Ends the watch: a {@link #next} waiting returns empty. */
    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException ignored) {
            // Closing twice, or a descriptor already gone: nothing is watched either way.
        }
    }

    /** Whether a file's change matters to grading: a source or a registration, not an editor's by-product. */
    static boolean matters(Path relative) {
        String name = relative.getFileName().toString();
        if (name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp") || name.equals("4913")) {
            return false; // .#B.java (Emacs's lock), .B.java.swp (Vim's swap), B.java~ (backups), 4913 (Vim's probe)
        }
        Path parent = relative.getParent();
        boolean registration = parent != null && parent.endsWith(Path.of("META-INF", "services"));
        return name.endsWith(".java") || registration;
    }

    private void collect(WatchKey key, Set<Path> saved) {
        Path folder = folders.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                // Events were lost: register what is new and count everything as saved.
                roots.forEach(root -> register(root, saved));
                continue;
            }
            if (folder == null) {
                continue; // a folder given up already
            }
            Path path = folder.resolve((Path) event.context());
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE
                    && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                register(path, saved); // files may be in it already: they count as saved
            } else if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE && folders.containsValue(path)) {
                saved.add(relative(path)); // a folder of sources moved away or deleted
            } else if (matters(relative(path))) {
                saved.add(relative(path));
            }
        }
        if (!key.reset()) {
            folders.remove(key); // the folder is gone
        }
    }

    /**
     * Registers {@code dir} and every folder below it not registered yet, and adds the files that
     * matter found there to {@code found}, unless it is null.
     */
    private void register(Path dir, Set<Path> found) {
        try {
            Files.walkFileTree(dir, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes)
                        throws IOException {
                    if (folders.containsValue(folder)) {
                        return FileVisitResult.CONTINUE;
                    }
                    try {
                        folders.put(folder.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                                StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY), folder);
                        return FileVisitResult.CONTINUE;
                    } catch (IOException e) {
                        if (!watching) {
                            throw e; // the tree cannot be watched (a limit on watches, say): say so at the start
                        }
                        return FileVisitResult.SKIP_SUBTREE; // gone again already, or unwatchable: the rest still is
                    }
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (found != null && attributes.isRegularFile() && matters(relative(file))) {
                        found.add(relative(file));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // gone already, or unreadable: grading says so
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + dir, e);
        }
    }

    private Path relative(Path path) {
        for (Path root : roots) {
            if (path.startsWith(root)) {
                return root.relativize(path);
            }
        }
        return path;
    }
}
