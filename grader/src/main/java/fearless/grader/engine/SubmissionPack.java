package fearless.grader.engine;

import fearless.grader.course.Course;
import fearless.grader.course.Course.ExerciseInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A submission as one zip to upload: exactly what the grader would take in from the tree (the
 * intake itself chooses), under the paths of a project folder, with a manifest of their hashes
 * ({@link PackManifest}). The same sources give the same bytes: entries in sorted order, one
 * fixed timestamp, nothing from the file system but the files' contents. {@code grade} takes the
 * zip back through {@link SubmissionZip}.
 */
public final class SubmissionPack {

    /** Where the sources go in the zip. */
    static final String SOURCES = "src/main/java/";

    /** Where the provider registrations go in the zip. */
    static final String SERVICES = "src/main/resources/META-INF/services/";

    /** Every entry's time, written as local date and time so no time zone changes the bytes. */
    private static final LocalDateTime TIMESTAMP = LocalDateTime.of(2000, 1, 1, 0, 0);

    /**
     * What went into the zip.
     *
     * @param files the packed files, as the manifest lists them
     * @param refused one line for each file of the tree the grader would not read, and why
     */
    public record Packed(Path zip, List<PackManifest.Entry> files, List<String> refused) {

        public long bytes() {
            return files.stream().mapToLong(PackManifest.Entry::size).sum();
        }
    }

    private SubmissionPack() {
    }

    /**
     * Packs what the grader would take from {@code tree} into {@code zip}, replacing it in one step.
     *
     * @param kit the kit's name and version, for the manifest
     * @throws UsageException when the tree holds nothing the grader would take
     */
    public static Packed write(SubmissionTree tree, Course course, String kit, Path zip) {
        Path work = createTempDirectory();
        try {
            Set<String> providers = course.exercises().stream().map(ExerciseInfo::provider).collect(Collectors.toSet());
            SubmissionIntake.Taken taken = SubmissionIntake.take(tree, providers, work.resolve("src"));
            if (taken.javaFiles().isEmpty()) {
                throw new UsageException("nothing to pack in " + tree.name() + ": " + taken.refused().get(0));
            }
            Map<String, byte[]> files = new TreeMap<>();
            for (Path file : taken.javaFiles()) {
                String relative = taken.sources().relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                files.put(SOURCES + relative, Files.readAllBytes(file));
            }
            taken.registrations().forEach((provider, names) -> files.put(SERVICES + provider,
                    names.stream().map(name -> name + "\n").collect(Collectors.joining()).getBytes(StandardCharsets.UTF_8)));
            List<PackManifest.Entry> listed = files.entrySet().stream()
                    .map(e -> PackManifest.Entry.of(e.getKey(), e.getValue())).toList();
            PackManifest manifest = new PackManifest(PackManifest.FORMAT, kit, course.title(), listed);
            writeAtomically(zip, manifest, files);
            return new Packed(zip, listed, taken.refused());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            FileTrees.delete(work);
        }
    }

    /** The manifest first, then the files in sorted order; a reader sees the old zip or the new one. */
    private static void writeAtomically(Path zip, PackManifest manifest, Map<String, byte[]> files) throws IOException {
        Path folder = zip.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, ".fearless-pack-", ".tmp");
        try {
            try (OutputStream file = Files.newOutputStream(temp); ZipOutputStream out = new ZipOutputStream(file)) {
                put(out, PackManifest.NAME, manifest.toJson());
                for (Map.Entry<String, byte[]> entry : files.entrySet()) {
                    put(out, entry.getKey(), entry.getValue());
                }
            }
            Files.move(temp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void put(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(TIMESTAMP);
        out.putNextEntry(entry);
        out.write(bytes);
        out.closeEntry();
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("fearless-pack-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
