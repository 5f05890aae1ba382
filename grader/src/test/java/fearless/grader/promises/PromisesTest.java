package fearless.grader.promises;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fearless.grader.course.Course;
import fearless.grader.course.Course.ExerciseInfo;
import fearless.grader.engine.CheckCatalog;
import fearless.grader.engine.CheckSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every sentence of the api's Javadoc is a promise held by a check, or says why it is none.
 * {@code promises.yaml} maps each sentence to the graded checks that fail when a submission breaks
 * it and to the calibration mutants that break it (each tripping one of those checks), or gives
 * the reason it needs no check (a description, a pointer, the api's own code tested beside it).
 * A sentence added to the api without an entry, an entry whose sentence is gone, and an unknown
 * check or mutant all fail here, so the contract and the checks cannot drift apart.
 */
class PromisesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path API = ROOT.resolve("api/src/main/java");
    private static final Path MAP = Path.of("src/test/resources/promises/promises.yaml");
    private static final Path MUTANTS = Path.of("src/test/resources/mutants");

    /** One sentence and what holds the kit to it. */
    record Promise(String says, List<String> checks, List<String> mutants, String why) {
        Promise {
            checks = checks == null ? List.of() : checks;
            mutants = mutants == null ? List.of() : mutants;
        }
    }

    @Test
    void every_api_sentence_is_a_checked_promise_or_says_why_not() throws IOException {
        Map<String, List<Promise>> map = new ObjectMapper(new YAMLFactory()).readValue(MAP.toFile(),
                new TypeReference<LinkedHashMap<String, List<Promise>>>() { });
        Set<String> checks = CheckCatalog.discover(Course.load(), CheckCatalog.CHECKS_PACKAGE,
                        Course.load().exercises().stream().map(ExerciseInfo::id).toList())
                .stream().map(CheckSpec::id).collect(Collectors.toSet());
        Map<String, List<String>> trips = mutantTrips();
        List<String> problems = new ArrayList<>();
        StringBuilder missing = new StringBuilder();
        for (Path file : apiFiles()) {
            String name = API.relativize(file).toString().replace('\\', '/');
            List<String> sentences = JavadocSentences.of(file);
            Map<String, Promise> entries = new HashMap<>();
            for (Promise p : map.getOrDefault(name, List.of())) {
                entries.put(p.says(), p);
                if (!sentences.contains(p.says())) {
                    problems.add(name + ": no longer says \"" + p.says() + "\"");
                }
            }
            boolean header = false;
            for (String sentence : sentences) {
                Promise p = entries.get(sentence);
                if (p == null) {
                    if (!header) {
                        missing.append(name).append(":\n");
                        header = true;
                    }
                    missing.append("  - says: \"").append(sentence.replace("\"", "\\\"")).append("\"\n");
                    continue;
                }
                problems.addAll(judge(name, p, checks, trips));
            }
        }
        for (String file : map.keySet()) {
            if (!Files.isRegularFile(API.resolve(file))) {
                problems.add(file + ": no such api file");
            }
        }
        if (!missing.isEmpty()) {
            problems.add("sentences with no entry in " + MAP + " (add checks and mutants, or why):\n" + missing);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static List<String> judge(String file, Promise p, Set<String> checks, Map<String, List<String>> trips) {
        List<String> problems = new ArrayList<>();
        String where = file + ": \"" + p.says() + "\"";
        boolean reason = p.why() != null && !p.why().isBlank();
        if (p.checks().isEmpty() == !reason) {
            problems.add(where + ": give either checks (with mutants) or why, not " + (reason ? "both" : "neither"));
        }
        if (!p.checks().isEmpty() && p.mutants().isEmpty()) {
            problems.add(where + ": no mutant breaks it, so nothing shows its checks can fail");
        }
        for (String check : p.checks()) {
            if (!checks.contains(check)) {
                problems.add(where + ": unknown check " + check);
            }
        }
        for (String mutant : p.mutants()) {
            List<String> tripped = trips.get(mutant);
            if (tripped == null) {
                problems.add(where + ": unknown mutant " + mutant);
            } else if (tripped.stream().noneMatch(p.checks()::contains)) {
                problems.add(where + ": mutant " + mutant + " trips none of " + p.checks() + " (it trips " + tripped + ")");
            }
        }
        return problems;
    }

    /** Each mutant, as exercise/folder, with the checks it trips. */
    private static Map<String, List<String>> mutantTrips() throws IOException {
        Map<String, List<String>> trips = new HashMap<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> walk = Files.walk(MUTANTS, 3)) {
            for (Path file : walk.filter(p -> p.getFileName().toString().equals("mutant.yaml")).toList()) {
                Map<?, ?> mutant = yaml.readValue(file.toFile(), Map.class);
                Path dir = file.getParent();
                List<String> tripped = new ArrayList<>();
                for (Object t : (List<?>) mutant.get("trips")) {
                    tripped.add(String.valueOf(t));
                }
                trips.put(dir.getParent().getFileName() + "/" + dir.getFileName(), tripped);
            }
        }
        return trips;
    }

    private static List<Path> apiFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(API)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
