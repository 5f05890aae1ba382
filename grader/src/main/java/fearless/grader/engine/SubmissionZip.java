package fearless.grader.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A submission handed in as a zip, unpacked into the grader's private folder before the intake
 * takes it in like any folder (so all the intake's rules apply after these). Nothing in the zip is
 * trusted. An entry is refused, with one line naming it, when its name could leave the folder
 * ({@code ..}, an absolute path, a drive letter, a backslash), when its name occurs twice, when it
 * is a link or a special file, or when it inflates past the intake's bound on one file; and, in a
 * zip with a manifest ({@link PackManifest}, what {@code fearless pack} writes), when its bytes do
 * not match the manifest or the manifest does not list it; a file the manifest lists and the zip
 * lacks is named too. A zip without a manifest is still graded, as a plain zip of sources, with a
 * line saying its files were not checked. Sizes are measured while inflating, never taken from the
 * zip's headers: a zip with too many entries, or larger or inflating past {@link #MAX_TOTAL_BYTES}
 * in all, is not graded, and no more than that is ever written.
 */
final class SubmissionZip {

    /** More entries than this and the zip is not unpacked: the intake reads at most 2,000 sources. */
    static final int MAX_ENTRIES = 4_096;

    /** All entries together inflate to no more than this (a submission is some hundred kilobytes). */
    static final long MAX_TOTAL_BYTES = 32L << 20;

    private static final int MAX_MANIFEST_BYTES = 1 << 20;
    private static final int MAX_NAME_LENGTH = 1_024;

    /**
     * A zip unpacked.
     *
     * @param root the folder to take the submission from
     * @param refused one line for each entry not unpacked, and why
     */
    record Unpacked(Path root, List<String> refused) {
    }

    private SubmissionZip() {
    }

    /**
     * Unpacks {@code zip} into {@code into}, a private folder that does not exist yet.
     *
     * @throws UsageException when it is not a zip, has too many entries, inflates past the bound
     *                        in all, or holds a manifest that is not one
     */
    static Unpacked unpack(Path zip, Path into) {
        List<ZipDirectory.Entry> directory;
        try {
            if (Files.size(zip) > MAX_TOTAL_BYTES) {
                throw new UsageException(zip + " is larger than " + (MAX_TOTAL_BYTES >> 20)
                        + " MiB: not unpacked (a submission is a few source files)");
            }
            directory = ZipDirectory.read(zip, MAX_ENTRIES);
        } catch (IOException e) {
            throw notAZip(zip, e);
        }
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> entries = file.stream().toList();
            if (!entries.stream().map(ZipEntry::getName).toList()
                    .equals(directory.stream().map(ZipDirectory.Entry::name).toList())) {
                throw notAZip(zip, new ZipException("its central directory reads two ways"));
            }
            Files.createDirectories(into);
            return new Unpacking(zip, file, into).run(entries, directory);
        } catch (IOException e) {
            throw notAZip(zip, e);
        }
    }

    /** Why an entry's name is not a safe relative path, if it is not. */
    static Optional<String> unsafe(String name) {
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        if (path.isEmpty()) {
            return Optional.of("an empty name");
        } else if (name.length() > MAX_NAME_LENGTH) {
            return Optional.of("a name longer than " + MAX_NAME_LENGTH + " characters");
        } else if (path.indexOf('\\') >= 0) {
            return Optional.of("a backslash in its name (a Windows path)");
        } else if (path.startsWith("/")) {
            return Optional.of("an absolute path");
        } else if (path.indexOf(':') >= 0) {
            return Optional.of("a colon in its name (a drive letter)");
        } else if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.of("a control character in its name");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return Optional.of("a '..' in its path, which would leave the folder");
            } else if (segment.isEmpty() || segment.equals(".")) {
                return Optional.of("an empty or '.' folder in its path");
            }
        }
        return Optional.empty();
    }

    private static UsageException notAZip(Path zip, IOException e) {
        return new UsageException(zip + " is not a zip the grader can read (" + e.getMessage()
                + "): give a zip made by 'fearless pack', or a folder");
    }

    /** One zip being unpacked. */
    private static final class Unpacking {

        private final Path zip;
        private final ZipFile file;
        private final Path into;
        private final List<String> refused = new ArrayList<>();
        private long inflated;

        Unpacking(Path zip, ZipFile file, Path into) {
            this.zip = zip;
            this.file = file;
            this.into = into;
        }

        Unpacked run(List<? extends ZipEntry> entries, List<ZipDirectory.Entry> directory) throws IOException {
            Map<String, Long> occurrences = entries.stream()
                    .collect(Collectors.groupingBy(ZipEntry::getName, Collectors.counting()));
            Map<String, PackManifest.Entry> listed = manifest(occurrences);
            if (listed == null) {
                refused.add(zip.getFileName() + ": no " + PackManifest.NAME + ", so its files are not checked against"
                        + " a manifest ('fearless pack' writes one)");
            }
            Set<String> named = new HashSet<>();
            for (int i = 0; i < entries.size(); i++) {
                ZipEntry entry = entries.get(i);
                String name = entry.getName();
                long count = occurrences.get(name);
                if (name.equals(PackManifest.NAME)) {
                    continue;
                } else if (count > 1) {
                    if (named.add(name)) {
                        refuse(name, count + " entries of this name in the zip: none is unpacked");
                    }
                    continue;
                }
                Optional<String> unsafe = unsafe(name);
                if (unsafe.isPresent()) {
                    refuse(name, unsafe.get() + ": not unpacked");
                } else if (directory.get(i).isLink()) {
                    refuse(name, "a symbolic link: only regular files are unpacked");
                } else if (directory.get(i).isSpecial()) {
                    refuse(name, "not a regular file: not unpacked");
                } else if (!entry.isDirectory()) { // folders are made as their files need them
                    unpack(entry, listed);
                }
            }
            if (listed != null) {
                listed.keySet().stream().filter(path -> !occurrences.containsKey(path))
                        .forEach(path -> refuse(path, "listed in " + PackManifest.NAME + " but not in the zip"));
            }
            return new Unpacked(listed == null ? wrapped(into) : into, List.copyOf(refused));
        }

        private void unpack(ZipEntry entry, Map<String, PackManifest.Entry> listed) {
            String name = entry.getName();
            if (listed != null && !listed.containsKey(name)) {
                refuse(name, "not listed in " + PackManifest.NAME + ": not unpacked");
                return;
            }
            byte[] bytes;
            try {
                bytes = inflate(entry, SubmissionIntake.MAX_FILE_BYTES);
            } catch (IOException e) {
                refuse(name, "cannot be read (" + e.getClass().getSimpleName() + ")");
                return;
            }
            if (bytes.length > SubmissionIntake.MAX_FILE_BYTES) {
                refuse(name, "inflates to more than " + SubmissionIntake.MAX_FILE_BYTES / 1024 + " KiB: not unpacked");
            } else if (listed != null && !listed.get(name).matches(bytes)) {
                refuse(name, "its bytes do not match their SHA-256 in " + PackManifest.NAME
                        + " (changed after packing?): not unpacked");
            } else {
                write(name, bytes);
            }
        }

        /**
         * At most {@code max + 1} bytes of the entry, counted against the bound on the whole zip
         * as they are inflated.
         */
        private byte[] inflate(ZipEntry entry, long max) throws IOException {
            byte[] bytes;
            try (InputStream in = file.getInputStream(entry)) {
                bytes = in.readNBytes((int) Math.min(max + 1, MAX_TOTAL_BYTES - inflated + 1));
            }
            inflated += bytes.length;
            if (inflated > MAX_TOTAL_BYTES) {
                throw new UsageException(zip + " inflates to more than " + (MAX_TOTAL_BYTES >> 20)
                        + " MiB: not unpacked (a zip bomb, or not a submission)");
            }
            return bytes;
        }

        private void write(String name, byte[] bytes) {
            Path target = into.resolve(name).normalize();
            if (!target.startsWith(into) || target.equals(into)) { // unsafe() already refused it
                refuse(name, "leaves the folder: not unpacked");
                return;
            }
            try {
                Files.createDirectories(target.getParent());
                Files.write(target, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (IOException e) {
                refuse(name, "cannot be unpacked (" + e.getClass().getSimpleName() + ": a file and a folder"
                        + " of one name?)");
            }
        }

        /** The manifest's files by path; null when the zip has none. */
        private Map<String, PackManifest.Entry> manifest(Map<String, Long> occurrences) {
            long count = occurrences.getOrDefault(PackManifest.NAME, 0L);
            if (count == 0) {
                return null;
            } else if (count > 1) {
                throw new UsageException(zip + " holds " + count + " " + PackManifest.NAME + " entries: not unpacked");
            }
            PackManifest manifest;
            try {
                byte[] json = inflate(file.getEntry(PackManifest.NAME), MAX_MANIFEST_BYTES);
                if (json.length > MAX_MANIFEST_BYTES) {
                    throw new IOException("larger than " + (MAX_MANIFEST_BYTES >> 20) + " MiB");
                }
                manifest = PackManifest.parse(json);
            } catch (IOException e) {
                throw new UsageException(zip + ": its " + PackManifest.NAME + " is not a manifest 'fearless pack'"
                        + " wrote (" + e.getMessage().lines().findFirst().orElse("") + ")");
            }
            if (manifest.format() > PackManifest.FORMAT) {
                throw new UsageException(zip + " was packed by a newer kit (" + manifest.kit() + "): grade it with that kit");
            }
            if (manifest.files().stream().anyMatch(f -> f == null || f.path() == null || f.sha256() == null)) {
                throw new UsageException(zip + ": its " + PackManifest.NAME + " lists a file without path or hash");
            }
            return manifest.files().stream().collect(Collectors.toMap(PackManifest.Entry::path, Function.identity(),
                    (a, b) -> {
                        throw new UsageException(zip + ": its " + PackManifest.NAME + " lists " + a.path() + " twice");
                    }, LinkedHashMap::new));
        }

        private void refuse(String name, String why) {
            refused.add((name.length() > 200 ? name.substring(0, 200) + "..." : name) + ": " + why);
        }
    }

    /**
     * A plain zip of one folder (what zipping a project folder gives) is taken from inside that
     * folder, so its layout is found as the folder's would be.
     */
    private static Path wrapped(Path root) throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            List<Path> all = children.toList();
            return all.size() == 1 && Files.isDirectory(all.get(0)) && !all.get(0).getFileName().toString().equals("src")
                    ? all.get(0) : root;
        }
    }
}
