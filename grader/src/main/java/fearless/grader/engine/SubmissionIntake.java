package fearless.grader.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the grader takes from a submission: its {@code .java} files and its provider registrations
 * ({@code META-INF/services/fearless.api...}), copied into a private folder before anything else
 * looks at them. Nothing else goes in: no class files, no other resources, no engine registrations
 * or configuration. A symbolic link, a special file or an oversized file is refused with one line
 * naming it, and never read, so the trusted parent reads only regular files inside the tree.
 */
final class SubmissionIntake {

    /** One source file larger than this is refused: no honest exercise comes near it. */
    static final long MAX_FILE_BYTES = 512 * 1024;

    /** More source files than this are refused. */
    static final int MAX_FILES = 2_000;

    /** How deep the walk goes. */
    private static final int MAX_DEPTH = 32;

    /** How many entries the walk visits before it gives up on the rest (a home folder is not a submission). */
    private static final int MAX_ENTRIES = 50_000;

    /** A Java binary class name, as a registration must give it. */
    private static final Pattern CLASS_NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

    private static final String SERVICES = "META-INF/services/";

    /**
     * What was taken.
     *
     * @param sources the private copy's root; every path in {@code javaFiles} is below it
     * @param registrations provider interface name to the class names registered for it, for
     *                      the provider interfaces the course knows
     * @param refused one line for each file the grader would not read
     */
    record Taken(Path sources, List<Path> javaFiles, Map<String, List<String>> registrations, List<String> refused) {
    }

    private SubmissionIntake() {
    }

    /**
     * Copies the sources of {@code tree} into {@code into} and reads the registrations of the
     * given provider interfaces.
     *
     * @throws UsageException when the tree holds no {@code .java} file at all
     */
    static Taken take(SubmissionTree tree, Set<String> providers, Path into) {
        List<String> refused = new ArrayList<>();
        List<Path> javaFiles = new ArrayList<>();
        Map<String, List<String>> registrations = new LinkedHashMap<>();
        boolean[] capped = {false};
        FileAction source = (file, relative) -> {
            String name = file.getFileName().toString();
            if (!name.endsWith(".java")) {
                return;
            }
            if (name.equals("module-info.java")) {
                refused.add(relative + ": a submission is not a module (module-info.java is not compiled)");
            } else if (javaFiles.size() < MAX_FILES) {
                Path copy = into.resolve(relative.toString());
                if (copyRegularFile(file, copy, relative, refused)) {
                    javaFiles.add(copy);
                }
            } else if (!capped[0]) {
                capped[0] = true;
                refused.add("more than " + MAX_FILES + " source files: the rest are not read");
            }
        };
        FileAction registration = (file, relative) -> {
            String path = relative.toString().replace('\\', '/');
            if (path.startsWith(SERVICES) && providers.contains(path.substring(SERVICES.length()))) {
                String text = readRegularFile(file, relative, refused);
                if (text != null) {
                    registrations.put(path.substring(SERVICES.length()), classNames(text, path, refused));
                }
            }
        };
        Path resources = tree.resources().orElse(null);
        // A bare tree holds its registrations among its sources: one walk reads both.
        walk(tree.sources(), tree.sources().equals(resources) ? source.andThen(registration) : source, refused);
        if (resources != null && !resources.equals(tree.sources())) {
            walk(resources, registration, refused);
        }
        if (javaFiles.isEmpty() && refused.isEmpty()) {
            throw new UsageException("no .java files under " + tree.sources().toAbsolutePath().normalize());
        }
        javaFiles.sort(null);
        return new Taken(into, List.copyOf(javaFiles), registrations, List.copyOf(refused));
    }

    private interface FileAction {
        void accept(Path file, Path relative);

        default FileAction andThen(FileAction next) {
            return (file, relative) -> {
                accept(file, relative);
                next.accept(file, relative);
            };
        }
    }
    /** Visits the regular files below {@code root}; links and special files are refused, not followed. */
    private static void walk(Path root, FileAction action, List<String> refused) {
        try {
            Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH,
                    new SimpleFileVisitor<>() {
                        private int visited;

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            Path relative = root.relativize(file);
                            if (++visited > MAX_ENTRIES) {
                                refused.add(root + ": more than " + MAX_ENTRIES + " files; the rest are not read");
                                return FileVisitResult.TERMINATE;
                            }
                            if (attrs.isSymbolicLink()) {
                                refused.add(relative + ": a symbolic link; only regular files inside the"
                                        + " submission are read");
                            } else if (attrs.isOther()) {
                                refused.add(relative + ": not a regular file");
                            } else if (attrs.isRegularFile()) {
                                action.accept(file, relative);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            refused.add(root.relativize(file) + ": cannot be read (" + e.getClass().getSimpleName() + ")");
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean copyRegularFile(Path file, Path copy, Path relative, List<String> refused) {
        try (InputStream in = openRegular(file)) {
            byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                refused.add(relative + ": larger than " + MAX_FILE_BYTES / 1024 + " KiB");
                return false;
            }
            Files.createDirectories(copy.getParent());
            Files.write(copy, bytes);
            return true;
        } catch (IOException e) {
            refused.add(relative + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            return false;
        }
    }

    private static String readRegularFile(Path file, Path relative, List<String> refused) {
        try (InputStream in = openRegular(file)) {
            byte[] bytes = in.readNBytes(64 * 1024 + 1);
            if (bytes.length > 64 * 1024) {
                refused.add(relative + ": larger than 64 KiB");
                return null;
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            refused.add(relative + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            return null;
        }
    }

    /** Opens without following a link that replaced the file since the walk saw it. */
    private static InputStream openRegular(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("not a regular file");
        }
        return Channels.newInputStream(Files.newByteChannel(file,
                Set.<java.nio.file.OpenOption>of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)));
    }

    private static List<String> classNames(String text, String path, List<String> refused) {
        List<String> names = new ArrayList<>();
        for (String line : text.split("\n")) {
            String name = line.replaceFirst("#.*", "").strip();
            if (name.isEmpty()) {
                continue;
            }
            if (CLASS_NAME.matcher(name).matches() && name.length() <= 512) {
                names.add(name);
            } else {
                refused.add(path + ": '" + name.substring(0, Math.min(80, name.length())) + "' is not a class name");
            }
        }
        return names;
    }
}
