package fearless.grader.calibration;

import fearless.grader.engine.UsageException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Narrows a set of fixtures (mutants, attacks) to those whose name contains one of some texts. A
 * text ending in {@code /} names an exercise and matches the names that start with it, so
 * {@code channel/} is the channel's mutants and not the sync channel's. A text that matches
 * nothing is a typo, not a request for no fixtures: it is refused with the names there are, so a
 * narrowed run never passes by grading nothing.
 *
 * @param kind what the fixtures are, for the message ({@code mutant})
 * @param texts the wanted texts; empty keeps every fixture
 */
public record FixtureFilter(String kind, List<String> texts) {

    public FixtureFilter {
        texts = texts == null ? List.of() : texts.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /** The filter a comma-separated list describes ({@code null}: keep every fixture). */
    public static FixtureFilter of(String kind, String commaSeparated) {
        return new FixtureFilter(kind, commaSeparated == null ? List.of() : Arrays.asList(commaSeparated.split(",")));
    }

    /**
     * The fixtures of {@code all} whose {@code name} contains one of the texts, in their order.
     *
     * @throws UsageException when a text matches no fixture
     */
    public <T> List<T> apply(List<T> all, Function<T, String> name) {
        if (texts.isEmpty()) {
            return all;
        }
        List<String> names = all.stream().map(name).toList();
        for (String text : texts) {
            if (names.stream().noneMatch(n -> matches(n, text))) {
                throw new UsageException("no " + kind + " matches '" + text + "'; the " + kind + "s are: "
                        + String.join(", ", names));
            }
        }
        return all.stream().filter(f -> texts.stream().anyMatch(t -> matches(name.apply(f), t))).toList();
    }

    private static boolean matches(String name, String text) {
        return text.endsWith("/") ? name.startsWith(text) : name.contains(text);
    }
}
