package fearless.grader.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.course.CheckOverride;
import fearless.grader.course.Course;
import fearless.grader.course.Course.ExerciseInfo;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Finds the graded checks with JUnit Platform discovery and reads what each is worth. A Jupiter
 * check says it with {@link Graded} and {@link Exercise}; a check from any other engine with tags
 * ({@code exercise:mutex}, {@code points:2}, {@code category:race}, {@code rule:X2}), so an
 * instructor's checks are scored the same way whatever they are written with. The course manifest
 * has the last word on points and visibility: every caller sees the checks with its overrides.
 */
public final class CheckCatalog {

    /** Where the graded checks live. */
    public static final String CHECKS_PACKAGE = "fearless.grader.checks";

    private CheckCatalog() {
    }

    /**
     * Every graded check of the given exercises under {@code checksPackage}, in discovery order, with
     * the points and visibility the course sets. An override naming no check of its exercise is an
     * error: a typo there would otherwise silently grade with the wrong weights.
     */
    public static List<CheckSpec> discover(Course course, String checksPackage, Collection<String> exercises) {
        List<CheckSpec> declared = declared(checksPackage, exercises);
        Map<String, CheckOverride> overrides = new HashMap<>();
        for (ExerciseInfo exercise : course.exercises()) {
            if (exercises.contains(exercise.id())) {
                overrides.putAll(exercise.checks());
            }
        }
        Set<String> ids = declared.stream().map(CheckSpec::id).collect(Collectors.toSet());
        for (String id : overrides.keySet()) {
            if (!ids.contains(id)) {
                String exercise = id.substring(0, id.indexOf('/'));
                throw new IllegalStateException("the course manifest overrides check '" + id + "', which does not"
                        + " exist; the checks of " + exercise + " are: " + String.join(", ", declared.stream()
                        .map(CheckSpec::id).filter(c -> c.startsWith(exercise + "/")).sorted().toList()));
            }
        }
        return declared.stream().map(c -> overrides.containsKey(c.id()) ? c.overriddenBy(overrides.get(c.id())) : c)
                .toList();
    }

    /** Every graded check of the given exercises under {@code checksPackage}, as its code declares it. */
    private static List<CheckSpec> declared(String checksPackage, Collection<String> exercises) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(checksPackage))
                .build();
        TestPlan plan = LauncherFactory.create().discover(request);
        List<CheckSpec> checks = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier test : plan.getDescendants(root)) {
                if (test.isTest()) {
                    metadata(test).filter(c -> exercises.contains(c.exercise())).ifPresent(checks::add);
                }
            }
        }
        return checks;
    }

    private static Optional<CheckSpec> metadata(TestIdentifier test) {
        Optional<TestSource> source = test.getSource();
        if (source.isPresent() && source.get() instanceof MethodSource ms) {
            Method method = ms.getJavaMethod();
            Graded graded = method.getAnnotation(Graded.class);
            Exercise exercise = method.getDeclaringClass().getAnnotation(Exercise.class);
            if (graded != null) {
                if (exercise == null) {
                    throw new IllegalStateException("graded check " + ms.getClassName() + "." + ms.getMethodName()
                            + " is in a class without @Exercise");
                }
                return Optional.of(new CheckSpec(test.getUniqueId(), exercise.value() + "/" + method.getName(),
                        exercise.value(), graded.category(), graded.points(), Arrays.asList(graded.rules()),
                        graded.hidden(), graded.dependsOnScheduling()));
            }
        }
        return fromTags(test);
    }

    private static Optional<CheckSpec> fromTags(TestIdentifier test) {
        String exercise = null;
        String category = null;
        Integer points = null;
        boolean hidden = false;
        boolean scheduling = false;
        List<String> rules = new ArrayList<>();
        for (TestTag tag : test.getTags()) {
            String[] kv = tag.getName().split(":", 2);
            if (kv.length < 2) {
                hidden |= kv[0].equals("hidden");
                scheduling |= kv[0].equals("scheduling");
                continue;
            }
            switch (kv[0]) {
                case "exercise" -> exercise = kv[1];
                case "points" -> points = Integer.valueOf(kv[1]);
                case "category" -> category = kv[1];
                case "rule" -> rules.add(kv[1]);
                default -> { }
            }
        }
        if (exercise == null || points == null || category == null) {
            return Optional.empty();
        }
        return Optional.of(new CheckSpec(test.getUniqueId(), exercise + "/" + test.getDisplayName(), exercise,
                Category.fromId(category), points, rules, hidden, scheduling));
    }
}
