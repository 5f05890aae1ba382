package fearless.grader.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import fearless.grader.report.CheckResult;
import fearless.grader.report.ExerciseResult;
import fearless.grader.report.GradeReport;
import fearless.grader.report.JsonReport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A class's grades in one SQLite file ({@code OUT/gradebook.db}), history included: a run only
 * ever adds rows, and what the exports show of a student is their latest run's rows. The schema:
 * <ul>
 * <li>{@code runs(id, started_at, finished_at, grader_version, seed, jobs, shard, exercises)}: one per
 *     batch (or per shard's batch a merge brought in);</li>
 * <li>{@code submissions(id, run_id, student, source, content_hash, status, reason, score, max_score, seed,
 *     exercises, grader_version, graded_at, duration_ms, report_json)}: one per submission a run recorded;
 *     {@code report_json} is the report as {@code report.json} holds it, so every format can be
 *     written again from it;</li>
 * <li>{@code exercises(submission_id, exercise, score, max_score, compiled)};</li>
 * <li>{@code checks(submission_id, check_id, exercise, category, rules, status, score, max_score,
 *     first_line, message)}: one per check verdict, for queries.</li>
 * </ul>
 * SQLite allows one writer: every method holds this object's lock, so grading threads may share it.
 */
public final class Gradebook implements AutoCloseable {

    /** The file's name in a batch's output folder. */
    public static final String FILE = "gradebook.db";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT,"
                    + " grader_version TEXT NOT NULL, seed INTEGER NOT NULL, jobs INTEGER NOT NULL,"
                    + " shard TEXT NOT NULL, exercises TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS submissions (id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL REFERENCES runs(id),"
                    + " student TEXT NOT NULL, source TEXT NOT NULL, content_hash TEXT NOT NULL, status TEXT NOT NULL,"
                    + " reason TEXT NOT NULL, score INTEGER NOT NULL, max_score INTEGER NOT NULL, seed INTEGER NOT NULL,"
                    + " exercises TEXT NOT NULL, grader_version TEXT NOT NULL, graded_at TEXT NOT NULL,"
                    + " duration_ms INTEGER NOT NULL, report_json TEXT)",
            "CREATE INDEX IF NOT EXISTS submissions_by_student ON submissions(student, graded_at)",
            "CREATE TABLE IF NOT EXISTS exercises (submission_id INTEGER NOT NULL REFERENCES submissions(id),"
                    + " exercise TEXT NOT NULL, score INTEGER NOT NULL, max_score INTEGER NOT NULL,"
                    + " compiled INTEGER NOT NULL)",
            "CREATE TABLE IF NOT EXISTS checks (submission_id INTEGER NOT NULL REFERENCES submissions(id),"
                    + " check_id TEXT NOT NULL, exercise TEXT NOT NULL, category TEXT NOT NULL, rules TEXT NOT NULL,"
                    + " status TEXT NOT NULL, score INTEGER NOT NULL, max_score INTEGER NOT NULL,"
                    + " first_line TEXT NOT NULL, message TEXT NOT NULL)");

    private static final String SUBMISSION_COLUMNS = "student, source, content_hash, status, reason, score, max_score,"
            + " seed, exercises, grader_version, graded_at, duration_ms, report_json";

    /**
     * A batch as the {@code runs} table records it.
     *
     * @param shard {@code I/N}, {@code 1/1} for a whole class
     */
    public record Run(String graderVersion, long seed, int jobs, String shard, String exercises) {
    }

    static {
        // sqlite-jdbc logs through SLF4J, which, with no logging back end bound, warns about its own
        // set-up on every run; the gradebook's failures arrive as exceptions instead.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
    }

    private final Connection db;

    private Gradebook(Connection db) {
        this.db = db;
    }

    /** Opens the gradebook at {@code file}, creating it and its tables if need be. */
    public static Gradebook open(Path file) throws SQLException {
        Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement statement = db.createStatement()) {
            statement.execute("PRAGMA foreign_keys = ON");
            statement.execute("PRAGMA busy_timeout = 10000"); // another batch or merge writing: wait for it
            for (String table : SCHEMA) {
                statement.execute(table);
            }
        } catch (SQLException e) {
            db.close();
            throw e;
        }
        return new Gradebook(db);
    }

    /** Now, as the gradebook writes time. */
    public static String now() {
        return STAMP.format(Instant.now());
    }

    /** Records the start of {@code run}; returns its id. */
    public synchronized long startRun(Run run) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO runs (started_at, grader_version, seed, jobs,"
                + " shard, exercises) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, now());
            insert.setString(2, run.graderVersion());
            insert.setLong(3, run.seed());
            insert.setInt(4, run.jobs());
            insert.setString(5, run.shard());
            insert.setString(6, run.exercises());
            insert.executeUpdate();
            return generatedKey(insert);
        }
    }

    public synchronized void finishRun(long runId) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("UPDATE runs SET finished_at = ? WHERE id = ?")) {
            update.setString(1, now());
            update.setLong(2, runId);
            update.executeUpdate();
        }
    }

    /** Adds {@code row} to run {@code runId}, with its exercises and checks, in one transaction. */
    public synchronized void record(long runId, Row row) throws SQLException {
        inTransaction(() -> {
            long id = insertSubmission(runId, row);
            GradeReport report = row.report().orElse(null);
            if (report == null) {
                return;
            }
            try (PreparedStatement exercise = db.prepareStatement("INSERT INTO exercises (submission_id, exercise,"
                    + " score, max_score, compiled) VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement check = db.prepareStatement("INSERT INTO checks (submission_id, check_id,"
                         + " exercise, category, rules, status, score, max_score, first_line, message)"
                         + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (ExerciseResult result : report.exercises()) {
                    exercise.setLong(1, id);
                    exercise.setString(2, result.id());
                    exercise.setInt(3, result.score());
                    exercise.setInt(4, result.maxScore());
                    exercise.setInt(5, result.compiled() ? 1 : 0);
                    exercise.executeUpdate();
                    for (CheckResult verdict : result.checks()) {
                        check.setLong(1, id);
                        check.setString(2, verdict.id());
                        check.setString(3, result.id());
                        check.setString(4, verdict.category());
                        check.setString(5, String.join(",", verdict.rules()));
                        check.setString(6, verdict.status().name().toLowerCase(java.util.Locale.ROOT));
                        check.setInt(7, verdict.score());
                        check.setInt(8, verdict.maxScore());
                        check.setString(9, verdict.message().lines().findFirst().orElse(""));
                        check.setString(10, verdict.message());
                        check.executeUpdate();
                    }
                }
            }
        });
    }

    /** The latest row of every (student, source) pair, without reports: what a rerun compares with. */
    public synchronized Map<String, Row> latestBySource() throws SQLException {
        Map<String, Row> latest = new LinkedHashMap<>();
        try (PreparedStatement query = db.prepareStatement("SELECT " + SUBMISSION_COLUMNS.replace("report_json", "NULL AS report_json")
                + " FROM submissions ORDER BY graded_at, id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                Row row = row(rows);
                latest.put(key(row.student(), row.source()), row);
            }
        }
        return latest;
    }

    /** The key {@link #latestBySource} files a row under. */
    public static String key(String student, String source) {
        return student + "\u0000" + source;
    }

    /**
     * What the gradebook says of each student now: the rows of the run that recorded the student
     * last (two rows when two entries claimed the student), sorted by student and source.
     */
    public synchronized List<Row> current() throws SQLException {
        List<Row> current = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT " + SUBMISSION_COLUMNS + " FROM submissions s"
                + " WHERE s.run_id = (SELECT l.run_id FROM submissions l WHERE l.student = s.student"
                + " ORDER BY l.graded_at DESC, l.id DESC LIMIT 1) ORDER BY s.student, s.source, s.id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                current.add(row(rows));
            }
        }
        return current;
    }

    /**
     * Copies every run and row of the gradebook at {@code other} into this one (a shard's, for a
     * merge); which grading of a student is current is then decided as ever, the latest.
     */
    public synchronized void importFrom(Path other) throws SQLException {
        try (Gradebook source = open(other)) {
            inTransaction(() -> {
                Map<Long, Long> runs = new LinkedHashMap<>();
                try (PreparedStatement select = source.db.prepareStatement("SELECT id, started_at, finished_at,"
                        + " grader_version, seed, jobs, shard, exercises FROM runs ORDER BY id");
                     PreparedStatement insert = db.prepareStatement("INSERT INTO runs (started_at, finished_at,"
                             + " grader_version, seed, jobs, shard, exercises) VALUES (?, ?, ?, ?, ?, ?, ?)",
                             Statement.RETURN_GENERATED_KEYS);
                     ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        for (int c = 2; c <= 8; c++) {
                            insert.setObject(c - 1, rows.getObject(c));
                        }
                        insert.executeUpdate();
                        runs.put(rows.getLong(1), generatedKey(insert));
                    }
                }
                try (PreparedStatement select = source.db.prepareStatement("SELECT id, run_id, " + SUBMISSION_COLUMNS
                        + " FROM submissions ORDER BY id");
                     ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long id = insertSubmission(runs.get(rows.getLong(2)), row(rows));
                        copyDetails(source, rows.getLong(1), id);
                    }
                }
            });
        }
    }

    private void copyDetails(Gradebook source, long from, long to) throws SQLException {
        try (PreparedStatement exercises = source.db.prepareStatement("SELECT exercise, score, max_score, compiled"
                + " FROM exercises WHERE submission_id = ? ORDER BY rowid");
             PreparedStatement checks = source.db.prepareStatement("SELECT check_id, exercise, category, rules,"
                     + " status, score, max_score, first_line, message FROM checks WHERE submission_id = ? ORDER BY rowid");
             PreparedStatement exercise = db.prepareStatement("INSERT INTO exercises (submission_id, exercise, score,"
                     + " max_score, compiled) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement check = db.prepareStatement("INSERT INTO checks (submission_id, check_id, exercise,"
                     + " category, rules, status, score, max_score, first_line, message)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            copy(exercises, from, exercise, to, 4);
            copy(checks, from, check, to, 9);
        }
    }

    private static void copy(PreparedStatement select, long from, PreparedStatement insert, long to, int columns)
            throws SQLException {
        select.setLong(1, from);
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                insert.setLong(1, to);
                for (int c = 1; c <= columns; c++) {
                    insert.setObject(c + 1, rows.getObject(c));
                }
                insert.executeUpdate();
            }
        }
    }

    private long insertSubmission(long runId, Row row) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO submissions (run_id, " + SUBMISSION_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, runId);
            insert.setString(2, row.student());
            insert.setString(3, row.source());
            insert.setString(4, row.contentHash());
            insert.setString(5, row.status().label());
            insert.setString(6, row.reason());
            insert.setInt(7, row.score());
            insert.setInt(8, row.maxScore());
            insert.setLong(9, row.seed());
            insert.setString(10, row.exercises());
            insert.setString(11, row.graderVersion());
            insert.setString(12, row.gradedAt());
            insert.setLong(13, row.durationMs());
            insert.setString(14, row.report().map(new JsonReport()::render).orElse(null));
            insert.executeUpdate();
            return generatedKey(insert);
        }
    }

    private static Row row(ResultSet rows) throws SQLException {
        String json = rows.getString("report_json");
        Optional<GradeReport> report;
        try {
            report = json == null ? Optional.empty() : Optional.of(JsonReport.parse(json));
        } catch (JsonProcessingException e) {
            throw new SQLException("a stored report does not read back: " + e.getOriginalMessage(), e);
        }
        return new Row(rows.getString("student"), rows.getString("source"), rows.getString("content_hash"),
                Row.Status.of(rows.getString("status")), rows.getString("reason"), rows.getInt("score"),
                rows.getInt("max_score"), rows.getLong("seed"), rows.getString("exercises"),
                rows.getString("grader_version"), rows.getString("graded_at"), rows.getLong("duration_ms"), report);
    }

    private static long generatedKey(PreparedStatement insert) throws SQLException {
        try (ResultSet keys = insert.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private interface Work {
        void run() throws SQLException;
    }

    private void inTransaction(Work work) throws SQLException {
        db.setAutoCommit(false);
        try {
            work.run();
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        db.close();
    }
}
