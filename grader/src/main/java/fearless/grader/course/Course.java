package fearless.grader.course;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The course manifest ({@code fearless/course.yaml}): topics and exercises in teaching order, with
 * points, hints, lessons and rule ids. One file, read by the command line, the reports and the
 * student export alike, so they cannot disagree.
 *
 * @param hiddenFeedback what students' reports show of a hidden check: {@code withheld} (the
 *                       default: its name and points) or {@code full}
 */
public record Course(String title, List<Topic> topics, HiddenFeedback hiddenFeedback, Map<String, Rule> rules) {

    /** The manifest on the grader's class path. */
    public static final String RESOURCE = "/fearless/course.yaml";

    public Course {
        topics = List.copyOf(topics);
        hiddenFeedback = hiddenFeedback == null ? HiddenFeedback.WITHHELD : hiddenFeedback;
        rules = rules == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    }

    public Course(String title, List<Topic> topics) {
        this(title, topics, null, null);
    }

    /** What a failing hidden check tells a student. */
    public enum HiddenFeedback {
        /** Its name and points, not why it failed: the test behind it stays unknown. */
        @com.fasterxml.jackson.annotation.JsonProperty("withheld") WITHHELD,
        /** Everything a public check says. */
        @com.fasterxml.jackson.annotation.JsonProperty("full") FULL
    }

    /** Reads the manifest shipped with the grader. */
    public static Course load() {
        try (InputStream in = Course.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("course manifest missing: " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the course manifest " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Reads a manifest from YAML. */
    public static Course read(InputStream yaml) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        return mapper.readValue(yaml, Course.class);
    }

    /** Every exercise, in teaching order. */
    public List<ExerciseInfo> exercises() {
        List<ExerciseInfo> all = new ArrayList<>();
        for (Topic topic : topics) {
            for (ExerciseInfo exercise : topic.exercises()) {
                all.add(exercise);
            }
        }
        return all;
    }

    public Optional<ExerciseInfo> exercise(String id) {
        return exercises().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The topic an exercise belongs to. */
    public Topic topicOf(ExerciseInfo exercise) {
        return topics.stream()
                .filter(t -> t.exercises().contains(exercise))
                .findFirst()
                .orElseThrow();
    }

    /**
     * A rule of the behaviour contract: a few words a report can print beside its id, and the
     * lesson section that explains it ({@code course-notes/06-mutex.md#rule-x2}).
     */
    public record Rule(String title, String lesson, String ungraded) {

        /** Whether checks must hold the kit to it; a rule only explained says why no check can ({@code ungraded}). */
        public boolean graded() {
            return ungraded == null || ungraded.isBlank();
        }
    }

    /** A topic: one lesson, several exercises. */
    public record Topic(String id, String title, String lesson, List<ExerciseInfo> exercises) {
        public Topic {
            exercises = List.copyOf(exercises);
        }
    }

    /**
     * One exercise. {@code packageName} is the last segment of the Java package its sources live
     * in (e.g. {@code mutex} for {@code fearless.exercises.mutex}), which is how a compiler message
     * is charged to the right exercise. {@code allow} widens the grader's allow-list
     * ({@code fearless/allowed.txt}) for this exercise's classes, in the same form. {@code checks}
     * overrides its checks' points and visibility, by check id ({@code mutex/lots_and_lots}).
     */
    public record ExerciseInfo(String id, String title,
                               @com.fasterxml.jackson.annotation.JsonProperty("package") String packageName,
                               String provider, int points, List<String> rules, List<String> hints,
                               List<String> allow, Map<String, CheckOverride> checks) {
        public ExerciseInfo {
            rules = List.copyOf(rules);
            hints = hints == null ? List.of() : List.copyOf(hints);
            allow = allow == null ? List.of() : List.copyOf(allow);
            checks = checks == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(checks));
            for (String check : checks.keySet()) {
                if (!check.startsWith(id + "/")) {
                    throw new IllegalArgumentException("exercise '" + id + "' overrides check '" + check
                            + "': a check is named " + id + "/CHECK, as the report prints it");
                }
            }
        }

        public ExerciseInfo(String id, String title, String packageName, String provider, int points,
                            List<String> rules, List<String> hints, List<String> allow) {
            this(id, title, packageName, provider, points, rules, hints, allow, null);
        }
    }
}
