package fearless.grader.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.grader.course.Course;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A zip handed in is hostile until unpacked: each way out of the private folder, each link, each
 * ambiguity and each bomb is refused with a line naming it, and a pack changed after packing is
 * caught by its manifest.
 */
class SubmissionZipTest {

    private static final String SOURCE = "src/main/java/p/box/Box.java";
    private static final String REGISTRATION = "src/main/resources/META-INF/services/fearless.api.ownership.BoxProvider";

    @TempDir
    Path dir;

    private Path into() {
        return dir.resolve("private/unpacked");
    }

    @Test
    void a_pack_unpacks_to_exactly_its_files() throws IOException {
        SubmissionZip.Unpacked unpacked = SubmissionZip.unpack(pack(), into());
        assertEquals(List.of(), unpacked.refused());
        assertEquals(into(), unpacked.root());
        assertEquals(List.of(SOURCE, REGISTRATION), files(into()));
        assertEquals("package p.box; class Box { }", Files.readString(into().resolve(SOURCE)));
    }

    @Test
    void names_that_leave_the_folder_are_refused() throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("../Escaped.java", "a '..'");
        names.put("src/main/java/../../../Escaped.java", "a '..'");
        names.put("/tmp/Escaped.java", "an absolute path");
        names.put("C:/Escaped.java", "a drive letter");
        names.put("..\\Escaped.java", "a backslash");
        names.put("src//main/Escaped.java", "an empty or '.' folder");
        names.put("src/./Escaped.java", "an empty or '.' folder");
        names.put("src/Esc\u001baped.java", "a control character");
        Map<String, String> entries = new LinkedHashMap<>();
        names.keySet().forEach(name -> entries.put(name, "class Escaped { }"));
        entries.put(SOURCE, "package p.box; class Box { }");
        SubmissionZip.Unpacked unpacked = SubmissionZip.unpack(zip(entries), into());

        for (Map.Entry<String, String> name : names.entrySet()) {
            assertTrue(unpacked.refused().stream().anyMatch(line -> line.startsWith(name.getKey() + ": ")
                    && line.contains(name.getValue()) && line.endsWith("not unpacked")),
                    name.getKey() + " not refused as " + name.getValue() + ": " + unpacked.refused());
        }
        assertEquals(List.of(SOURCE), files(into()));
        try (Stream<Path> everything = Files.walk(dir)) {
            assertTrue(everything.noneMatch(p -> p.getFileName().toString().contains("Escaped")));
        }
        assertFalse(Files.exists(Path.of("/tmp/Escaped.java")));
    }

    @Test
    void links_and_special_files_are_refused() throws IOException {
        Path zip = RawZip.write(dir.resolve("links.zip"), List.of(
                new RawZip.Entry("src/main/java/p/box/Link.java", "/etc/passwd", RawZip.LINK),
                new RawZip.Entry("src/main/java/p/box/Pipe.java", "", RawZip.FIFO),
                new RawZip.Entry(SOURCE, "package p.box; class Box { }", RawZip.FILE)));
        SubmissionZip.Unpacked unpacked = SubmissionZip.unpack(zip, into());

        assertTrue(unpacked.refused().contains("src/main/java/p/box/Link.java: a symbolic link: only regular files"
                + " are unpacked"), unpacked.refused().toString());
        assertTrue(unpacked.refused().contains("src/main/java/p/box/Pipe.java: not a regular file: not unpacked"),
                unpacked.refused().toString());
        assertEquals(List.of(SOURCE), files(into()));
    }

    @Test
    void two_entries_of_one_name_are_both_refused() throws IOException {
        Path zip = RawZip.write(dir.resolve("twice.zip"), List.of(
                new RawZip.Entry(SOURCE, "package p.box; class Box { }", RawZip.FILE),
                new RawZip.Entry(SOURCE, "package p.box; class Box { int evil; }", RawZip.FILE),
                new RawZip.Entry("src/main/java/p/box/Other.java", "package p.box; class Other { }", RawZip.FILE)));
        SubmissionZip.Unpacked unpacked = SubmissionZip.unpack(zip, into());

        assertTrue(unpacked.refused().contains(SOURCE + ": 2 entries of this name in the zip: none is unpacked"),
                unpacked.refused().toString());
        assertEquals(List.of("src/main/java/p/box/Other.java"), files(into()));
    }

    @Test
    void an_entry_inflating_past_the_bound_on_a_file_is_refused_unwritten() throws IOException {
        Path zip = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(SOURCE));
            zeros(out, 256L << 20); // 256 MiB of zeros, deflated to a few hundred KiB
            out.closeEntry();
        }
        assertTrue(Files.size(zip) < 1 << 20, "the bomb is small: " + Files.size(zip));
        SubmissionZip.Unpacked unpacked = SubmissionZip.unpack(zip, into());

        assertTrue(unpacked.refused().contains(SOURCE + ": inflates to more than 512 KiB: not unpacked"),
                unpacked.refused().toString());
        assertEquals(List.of(), files(into()));
    }

    @Test
    void a_zip_inflating_past_the_bound_in_all_is_not_unpacked() throws IOException {
        Path zip = dir.resolve("bombs.zip");
        int each = (int) SubmissionZip.MAX_TOTAL_BYTES / 64;
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 100; i++) {
                out.putNextEntry(new ZipEntry("src/main/java/p/box/Z" + i + ".java"));
                zeros(out, each);
                out.closeEntry();
            }
        }
        UsageException refused = assertThrows(UsageException.class, () -> SubmissionZip.unpack(zip, into()));
        assertEquals(zip + " inflates to more than 32 MiB: not unpacked (a zip bomb, or not a submission)",
                refused.getMessage());
        assertTrue(size(into()) <= SubmissionZip.MAX_TOTAL_BYTES, "wrote " + size(into()));
    }

    @Test
    void a_zip_with_too_many_entries_is_not_unpacked() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i <= SubmissionZip.MAX_ENTRIES; i++) {
            entries.put("src/main/java/p/box/F" + i + ".java", "");
        }
        Path zip = zip(entries);
        UsageException refused = assertThrows(UsageException.class, () -> SubmissionZip.unpack(zip, into()));
        assertEquals(zip + " holds 4097 entries, more than the 4096 a submission may have: not unpacked",
                refused.getMessage());
        assertFalse(Files.exists(into()));
    }

    @Test
    void a_file_changed_after_packing_is_refused() throws IOException {
        Path zip = rewrite(pack(), (name, text) -> name.equals(SOURCE) ? text.replace("{ }", "{ int x; }") : text,
                Map.of());
        SubmissionZip.Unpacked unpacked = SubmissionZip.unpack(zip, into());

        assertEquals(List.of(SOURCE + ": its bytes do not match their SHA-256 in fearless-pack.json (changed after"
                + " packing?): not unpacked"), unpacked.refused());
        assertEquals(List.of(REGISTRATION), files(into()));
    }

    @Test
    void a_file_added_or_lost_after_packing_is_named() throws IOException {
        Path zip = rewrite(pack(), (name, text) -> name.equals(SOURCE) ? null : text,
                Map.of("src/main/java/p/box/Added.java", "package p.box; class Added { }"));
        SubmissionZip.Unpacked unpacked = SubmissionZip.unpack(zip, into());

        assertEquals(List.of("src/main/java/p/box/Added.java: not listed in fearless-pack.json: not unpacked",
                SOURCE + ": listed in fearless-pack.json but not in the zip"), unpacked.refused());
        assertEquals(List.of(REGISTRATION), files(into()));
    }

    @Test
    void a_plain_zip_is_unpacked_with_a_note() throws IOException {
        Path zip = zip(Map.of("project/" + SOURCE, "package p.box; class Box { }"));
        SubmissionZip.Unpacked unpacked = SubmissionZip.unpack(zip, into());

        assertEquals(List.of("plain.zip: no fearless-pack.json, so its files are not checked against a manifest"
                + " ('fearless pack' writes one)"), unpacked.refused());
        assertEquals(into().resolve("project"), unpacked.root(), "one folder zipped: taken from inside it");
        assertEquals(List.of("project/" + SOURCE), files(into()));
    }

    @Test
    void what_is_not_a_zip_or_not_a_manifest_is_a_usage_error() throws IOException {
        Path text = Files.writeString(dir.resolve("text.zip"), "not a zip at all");
        assertTrue(assertThrows(UsageException.class, () -> SubmissionZip.unpack(text, into())).getMessage()
                .startsWith(text + " is not a zip the grader can read ("));
        Path zip = zip(Map.of("fearless-pack.json", "{ \"files\": [ 42 ] }", SOURCE, "class Box { }"));
        assertTrue(assertThrows(UsageException.class, () -> SubmissionZip.unpack(zip, into())).getMessage()
                .startsWith(zip + ": its fearless-pack.json is not a manifest 'fearless pack' wrote"));
    }

    // ---------------------------------------------------------------------------------------------

    /** A pack of a tree with one source and its registration. */
    private Path pack() throws IOException {
        Path tree = dir.resolve("tree");
        write(tree.resolve(SOURCE), "package p.box; class Box { }");
        write(tree.resolve(REGISTRATION), "p.box.Box\n");
        Path zip = dir.resolve("pack.zip");
        SubmissionPack.write(SubmissionTree.resolve(tree.toString(), dir), Course.load(), "fearless test", zip);
        return zip;
    }

    private Path zip(Map<String, String> entries) throws IOException {
        Path zip = dir.resolve("plain.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }

    /**
     * The same zip with each entry's text changed by {@code change} (an entry it maps to null is
     * left out) and the entries {@code added} after them.
     */
    private Path rewrite(Path zip, BiFunction<String, String, String> change, Map<String, String> added)
            throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                String text = change.apply(entry.getName(),
                        new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                if (text != null) {
                    entries.put(entry.getName(), text);
                }
            }
        }
        entries.putAll(added);
        return zip(entries);
    }

    private static void zeros(OutputStream out, long bytes) throws IOException {
        byte[] block = new byte[1 << 16];
        for (long written = 0; written < bytes; written += block.length) {
            out.write(block, 0, (int) Math.min(block.length, bytes - written));
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** The regular files below {@code root}, as sorted relative paths. */
    private static List<String> files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    private static long size(Path root) throws IOException {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
