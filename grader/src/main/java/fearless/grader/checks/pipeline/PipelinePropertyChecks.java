package fearless.grader.checks.pipeline;

import static fearless.grader.checks.pipeline.Stages.call;

import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.opentest4j.AssertionFailedError;

/**
 * Generated pipelines: inputs of 0 to {@link #LONGEST} small numbers (so with duplicates) and
 * simple generated functions. The output must be the input transformed, element by element, in
 * order; every thread joined and every end closed. A failing input is shrunk, element by
 * element, to a shortest one that still fails.
 */
@Exercise("pipeline")
class PipelinePropertyChecks {

    private static final String ID = "pipeline/generated_pipelines_keep_order";

    private static final int CASES = 40;

    private static final int LONGEST = 40;

    /** How many shorter inputs the shrinking tries, at most. */
    private static final int SHRINK_STEPS = 60;

    /** A generated function and how the feedback writes it. */
    private record Named<X, Y>(String text, Function<X, Y> f) {
    }

    /**
     * For generated inputs and functions, {@code run} returns {@code second(first(x))} for each
     * element, in input order, nothing lost, doubled or reordered (M1); every thread is joined
     * and every channel end closed when it returns (T2, M3).
     */
    @Graded(points = 3, category = Category.PROPERTY, rules = {"M1", "T2", "M3"})
    void generated_pipelines_keep_order() {
        Random random = new Random(Seeds.forCheck(ID));
        for (int c = 0; c < CASES; c++) {
            int length = c == 0 ? 0 : c == 1 ? 1 : random.nextInt(LONGEST + 1);
            List<Integer> input = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                input.add(random.nextInt(8));
            }
            Named<Integer, Integer> first = firstOf(random);
            Named<Integer, String> second = secondOf(random);
            String failure = attempt(input, first, second);
            if (failure != null) {
                List<Integer> shortest = shrink(input, first, second);
                String shortestFailure = attempt(shortest, first, second);
                throw new AssertionFailedError((shortestFailure == null ? failure : shortestFailure)
                        + (shortest.size() < input.size() ? " (the shortest failing input found, from a generated "
                                + Stages.input(input) + ")" : "")
                        + " (inputs drawn from seed " + Seeds.seed() + ": rerun with --seed " + Seeds.seed() + ")");
            }
        }
    }

    /** One run; null if it kept every promise, else the first line of the feedback. */
    private static String attempt(List<Integer> input, Named<Integer, Integer> first, Named<Integer, String> second) {
        Stages stages = new Stages();
        String call = call(input, "first = " + first.text() + ", second = " + second.text());
        Stages.Outcome got = stages.run(call, input, stages.first(first.f()), stages.second(second.f()));
        List<String> expected = input.stream().map(x -> second.f().apply(first.f().apply(x))).toList();
        if (got.thrown() != null || !expected.equals(got.returned())) {
            return "run must return second(first(x)) for each x, in the order of the input, none lost, doubled or "
                    + "reordered (M1), but " + call + " " + got.shown() + (got.thrown() == null ? ", expected "
                            + expected : "");
        }
        try {
            stages.verifyCleanEnd("when " + call + " returned");
            return null;
        } catch (AssertionFailedError e) {
            return e.getMessage();
        }
    }

    /** Drops elements one at a time while the run still fails, at most {@link #SHRINK_STEPS} tries. */
    private static List<Integer> shrink(List<Integer> input, Named<Integer, Integer> first,
            Named<Integer, String> second) {
        List<Integer> current = new ArrayList<>(input);
        int tries = 0;
        boolean smaller = true;
        while (smaller && tries < SHRINK_STEPS) {
            smaller = false;
            for (int i = 0; i < current.size() && tries < SHRINK_STEPS; i++) {
                List<Integer> candidate = new ArrayList<>(current);
                candidate.remove(i);
                tries++;
                if (attempt(candidate, first, second) != null) {
                    current = candidate;
                    smaller = true;
                    i--;
                }
            }
        }
        return current;
    }

    private static Named<Integer, Integer> firstOf(Random random) {
        int a = 1 + random.nextInt(9);
        return switch (random.nextInt(5)) {
            case 0 -> new Named<>("x -> x + " + a, x -> x + a);
            case 1 -> new Named<>("x -> x * " + a, x -> x * a);
            case 2 -> new Named<>("x -> " + a + " - x", x -> a - x);
            case 3 -> new Named<>("x -> x / 2", x -> x / 2);
            default -> new Named<>("x -> x % " + a, x -> x % a);
        };
    }

    private static Named<Integer, String> secondOf(Random random) {
        int b = 2 + random.nextInt(7);
        return switch (random.nextInt(3)) {
            case 0 -> new Named<>("y -> \"s\" + y", y -> "s" + y);
            case 1 -> new Named<>("y -> String.valueOf(y * " + b + ")", y -> String.valueOf(y * b));
            default -> new Named<>("y -> y + \"/\" + " + b, y -> y + "/" + b);
        };
    }
}
