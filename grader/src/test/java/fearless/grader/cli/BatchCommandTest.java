package fearless.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fearless.grader.engine.RawZip;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code batch} and {@code merge} on small classes graded for real, one exercise each so the
 * whole class stays fast: rows, exports, reruns, rosters, bad input, shards merged.
 */
class BatchCommandTest {

    private static final Path SOLUTIONS = Path.of("..", "solutions").toAbsolutePath().normalize();
    private static final Path STUBS = Path.of("..", "exercises").toAbsolutePath().normalize();

    /** A class of three (the solutions as a git repository, the stubs as a zip, an empty folder) and its gradebook graded as one run. */
    @TempDir
    static Path shared;

    private static Path klass;
    private static Path roster;
    private static Path one;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void gradeTheClassOnce() throws IOException {
        klass = Files.createDirectories(shared.resolve("class"));
        copySources(SOLUTIONS, klass.resolve("sol"));
        gitRepository(klass.resolve("sol"));
        zipSources(STUBS, klass.resolve("stub.zip"));
        Files.createDirectories(klass.resolve("empty"));
        roster = Files.writeString(shared.resolve("roster.csv"),
                "student,submission,email\nalice,sol,alice@example.org\nbob,stub.zip,bob@example.org\n");
        one = shared.resolve("one");
        BatchCommandTest test = new BatchCommandTest();
        assertEquals(0, test.run("batch", klass.toString(), "--out", one.toString(), "-e", "box", "--jobs", "2",
                "--roster", roster.toString(), "--format", "console,json"), test.err.toString());
    }

    @Test
    void a_class_is_graded_into_rows_a_csv_and_student_folders() throws Exception {
        List<String> csv = Files.readAllLines(one.resolve("gradebook.csv"));
        assertEquals("student,submission,email,box,total,max,status,reason", csv.get(0));
        assertEquals(4, csv.size(), csv.toString());
        assertTrue(csv.get(1).matches("alice,sol,alice@example.org,(\\d+),\\1,\\1,graded,"), csv.get(1));
        assertTrue(csv.get(2).matches("bob,stub.zip,bob@example.org,0,0,\\d+,graded,.*"), csv.get(2));
        assertTrue(csv.get(3).matches("empty,empty,,,,,\"not graded\",\"no .java files under empty\""), csv.get(3));
        JsonNode alice = new ObjectMapper().readTree(one.resolve("students/alice/report.json").toFile());
        assertEquals(alice.get("maxScore").asInt(), alice.get("score").asInt());
        assertEquals("sol", alice.get("submission").asText());
        assertTrue(Files.readString(one.resolve("students/bob/report.txt")).contains("box/"));
        assertFalse(Files.exists(one.resolve("students/empty")), "no report for a submission not graded");
        assertFalse(Files.exists(shared.resolve("hook-ran")), "nothing of a git repository is run");
        assertTrue(Files.exists(one.resolve("statistics.csv")) && Files.exists(one.resolve("statistics.html")));
        assertEquals(List.of(1, 3, 0), counts(one, "SELECT (SELECT count(*) FROM runs), (SELECT count(*) FROM"
                + " submissions), (SELECT count(*) FROM checks c JOIN submissions s ON s.id = c.submission_id"
                + " WHERE s.student = 'empty')"));
    }

    @Test
    void a_rerun_skips_what_is_unchanged_and_regrade_grades_it_again() throws Exception {
        Path rerun = copyTree(one, dir.resolve("rerun"));
        Path changed = copyTree(klass, dir.resolve("class"));
        Files.writeString(changed.resolve("empty/A.java"), "class A { }");
        assertEquals(0, run("batch", changed.toString(), "--out", rerun.toString(), "-e", "box", "--roster",
                roster.toString(), "--format", "console,json"), err.toString());
        assertEquals(2, out.toString().lines().filter(l -> l.endsWith(": unchanged, skipped")).count(), out.toString());
        assertTrue(out.toString().contains("empty (empty): not graded, "), out.toString());
        assertEquals(Files.readString(one.resolve("gradebook.csv")).replace("no .java files under empty", "X"),
                Files.readString(rerun.resolve("gradebook.csv")).replaceAll("\"not graded\",\".*\"",
                        "\"not graded\",\"X\""));
        out.getBuffer().setLength(0);
        assertEquals(0, run("batch", changed.toString(), "--out", rerun.toString(), "-e", "box", "--roster",
                roster.toString(), "--regrade", "--jobs", "2", "--format", "console,json"), err.toString());
        assertEquals(0, out.toString().lines().filter(l -> l.endsWith("unchanged, skipped")).count(), out.toString());
        assertEquals(List.of(3, 7), counts(rerun, "SELECT (SELECT count(*) FROM runs), (SELECT count(*) FROM submissions)"),
                "history is kept: 3 rows, 1 for the change, 3 for --regrade");
    }

    @Test
    void three_shards_merged_are_the_gradebook_of_one_run() throws Exception {
        List<String> outs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Path shard = dir.resolve("shard" + i);
            outs.add(shard.toString());
            assertEquals(0, run("batch", klass.toString(), "--out", shard.toString(), "-e", "box", "--roster",
                    roster.toString(), "--shard", i + "/3", "--format", "console,json"), err.toString());
        }
        Path merged = dir.resolve("merged");
        List<String> args = new ArrayList<>(List.of("merge", "--out", merged.toString(), "--roster", roster.toString(),
                "--format", "console,json"));
        args.addAll(outs);
        assertEquals(0, run(args.toArray(String[]::new)), err.toString());
        assertEquals(Files.readString(one.resolve("gradebook.csv")), Files.readString(merged.resolve("gradebook.csv")));
        assertEquals(checkRows(one), checkRows(merged));
        assertEquals(files(one.resolve("students")), files(merged.resolve("students")));
        assertEquals(Main.USAGE, run(args.toArray(String[]::new)), "a merge never writes into an existing gradebook");
    }

    @Test
    void bad_input_becomes_rows_and_nothing_is_written_outside_out() throws Exception {
        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.createDirectories(bad.resolve("empty"));
        Files.writeString(Files.createDirectories(bad.resolve("docs")).resolve("README.md"), "no Java here");
        Files.writeString(bad.resolve("corrupt.zip"), "PK\u0003\u0004 not really");
        Files.writeString(bad.resolve("notes.txt"), "a file");
        Files.writeString(Files.createDirectories(bad.resolve("dup")).resolve("A.java"), "class A { }");
        zipSources(STUBS, bad.resolve("dup.zip"));
        List<RawZip.Entry> evil = new ArrayList<>(sourceEntries(SOLUTIONS));
        evil.add(new RawZip.Entry("../escape.java", "class Escape { }", RawZip.FILE));
        evil.add(new RawZip.Entry("src/main/java/Link.java", "/etc/passwd", RawZip.LINK));
        RawZip.write(bad.resolve("evil.zip"), evil);
        Map<String, String> before = snapshot(dir);
        Path result = dir.resolve("out");
        assertEquals(0, run("batch", bad.toString(), "--out", result.toString(), "-e", "box", "--format",
                "console,json"), err.toString());
        Map<String, String> after = snapshot(dir);
        after.keySet().removeIf(p -> p.startsWith("out/") || p.equals("out"));
        assertEquals(before, after, "the class folder is as it was and nothing appeared outside OUT");
        Map<String, String> rows = new TreeMap<>();
        for (String line : Files.readAllLines(result.resolve("gradebook.csv")).subList(1, 7)) {
            rows.put(line.substring(0, line.indexOf(',')), line);
        }
        assertEquals(List.of("corrupt", "docs", "dup", "empty", "evil", "notes.txt"), List.copyOf(rows.keySet()));
        assertTrue(rows.get("corrupt").contains("\"not graded\",\"corrupt.zip is not a zip"), rows.get("corrupt"));
        assertTrue(rows.get("docs").endsWith("\"not graded\",\"no .java files under docs\""), rows.get("docs"));
        assertTrue(rows.get("dup").startsWith("dup,\"dup; dup.zip\",,,,duplicate,\"student 'dup' is handed in 2 times"
                + " (dup, dup.zip)"), rows.get("dup"));
        assertTrue(rows.get("empty").endsWith("\"not graded\",\"no .java files under empty\""), rows.get("empty"));
        assertTrue(rows.get("notes.txt").endsWith("ignored,\"neither a folder nor a .zip: not a submission\""),
                rows.get("notes.txt"));
        String evilRow = rows.get("evil");
        assertTrue(evilRow.matches("evil,evil.zip,(\\d+),\\1,\\1,graded,\"files not read: .*"), evilRow);
        assertTrue(evilRow.contains("../escape.java") && evilRow.contains("Link.java"), evilRow);
        assertEquals(List.of(2), counts(result, "SELECT count(*) FROM submissions WHERE student = 'dup'"),
                "both duplicates are kept");
    }

    @Test
    void requests_that_cannot_be_served_are_refused() throws Exception {
        assertEquals(Main.USAGE, run("batch", dir.resolve("missing").toString(), "--out", dir.resolve("o").toString()));
        assertTrue(err.toString().contains("no class folder at "), err.toString());
        assertEquals(Main.USAGE, run("batch", klass.toString(), "--out", dir.resolve("o").toString(), "--shard", "4/3"));
        assertEquals(Main.USAGE, run("batch", klass.toString(), "--out", klass.resolve("out").toString()));
        assertTrue(err.toString().contains("is inside the class folder"), err.toString());
        assertEquals(Main.USAGE, run("batch", klass.toString(), "--out", dir.resolve("o").toString(), "--format", "pdf"));
        assertEquals(Main.USAGE, run("batch", klass.toString(), "--out", dir.resolve("o").toString(), "-e", "nope"));
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertEquals(Main.USAGE, run("batch", klass.toString(), "--out", file.resolve("o").toString()));
        assertEquals(Main.USAGE, run("merge", "--out", dir.resolve("m").toString(), dir.toString()));
        assertFalse(Files.exists(klass.resolve("out")));
    }

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(out, true));
        return cli.execute(args);
    }

    private static List<Integer> counts(Path out, String query) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + out.resolve("gradebook.db"));
             ResultSet row = db.createStatement().executeQuery(query)) {
            List<Integer> values = new ArrayList<>();
            for (int c = 1; c <= row.getMetaData().getColumnCount(); c++) {
                values.add(row.getInt(c));
            }
            return values;
        }
    }

    /** Every check verdict of the gradebook, without ids or times. */
    private static List<String> checkRows(Path out) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + out.resolve("gradebook.db"));
             ResultSet rows = db.createStatement().executeQuery("SELECT s.student, s.source, s.status, s.content_hash,"
                     + " c.check_id, c.status, c.score, c.max_score, c.first_line FROM submissions s LEFT JOIN checks c"
                     + " ON c.submission_id = s.id ORDER BY s.student, s.source, c.check_id")) {
            List<String> lines = new ArrayList<>();
            while (rows.next()) {
                List<String> cells = new ArrayList<>();
                for (int c = 1; c <= 9; c++) {
                    cells.add(rows.getString(c));
                }
                lines.add(String.join("|", cells));
            }
            return lines;
        }
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    /** Every file and folder under {@code root} with a digest of its bytes. */
    private static Map<String, String> snapshot(Path root) throws Exception {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> !p.equals(root)).toList()) {
                tree.put(root.relativize(p).toString(), Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        ? HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)))
                        : "folder");
            }
        }
        return tree;
    }

    /** Makes {@code dir} a git repository with one commit and hooks that would leave a mark if run. */
    private static void gitRepository(Path dir) throws IOException {
        for (List<String> command : List.of(List.of("git", "init", "-q"), List.of("git", "add", "-A"),
                List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false",
                        "commit", "-q", "-m", "work"))) {
            try {
                Process git = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
                assertEquals(0, git.waitFor(), String.join(" ", command));
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        }
        for (String hook : List.of("post-checkout", "pre-commit", "post-merge")) {
            Path file = Files.writeString(dir.resolve(".git/hooks/" + hook), "#!/bin/sh\ntouch "
                    + shared.resolve("hook-ran") + "\n");
            file.toFile().setExecutable(true);
        }
    }

    private static void copySources(Path project, Path to) throws IOException {
        for (String part : List.of("src/main/java", "src/main/resources")) {
            copyTree(project.resolve(part), to.resolve(part));
        }
    }

    private static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    private static List<RawZip.Entry> sourceEntries(Path project) throws IOException {
        List<RawZip.Entry> entries = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(project.resolve("src/main"))) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                entries.add(new RawZip.Entry(project.relativize(p).toString(), Files.readString(p), RawZip.FILE));
            }
        }
        return entries;
    }

    private static void zipSources(Path project, Path zip) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (RawZip.Entry entry : sourceEntries(project)) {
                out.putNextEntry(new ZipEntry(entry.name()));
                out.write(entry.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }
}
