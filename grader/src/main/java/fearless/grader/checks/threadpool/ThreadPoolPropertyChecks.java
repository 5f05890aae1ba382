package fearless.grader.checks.threadpool;

import fearless.api.capstones.ThreadPool;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Seeds;
import fearless.grader.check.property.Minimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.opentest4j.AssertionFailedError;

/**
 * Generated job sets: pools of 1 to 4 workers, 0 to {@link #MOST_JOBS} jobs, each adding its
 * amount to a shared total, some of them throwing (an exception or an {@code Error}) after they
 * added. After {@code close()} each job has run exactly once and the total is the sum of the
 * amounts, however many failed. A failing set is shrunk to a shortest one that
 * still fails.
 */
@Exercise("thread-pool")
class ThreadPoolPropertyChecks {

    private static final String ID = "thread-pool/generated_job_sets_all_run_once";

    private static final int CASES = 30;

    private static final int MOST_JOBS = 40;

    /** How many smaller job sets the shrinking tries, at most. */
    private static final int SHRINK_STEPS = 40;

    /** One generated job: the amount it adds, and how it ends. */
    private record Spec(int amount, Ending ending) {
        @Override
        public String toString() {
            return "+" + amount + switch (ending) {
                case RETURNS -> "";
                case THROWS -> " then throws";
                case ERROR -> " then throws an Error";
            };
        }
    }

    private enum Ending { RETURNS, THROWS, ERROR }

    /**
     * For generated pool sizes and job sets, every job runs exactly once before {@code close()}
     * returns, the total of their amounts is conserved, and a job that throws costs only itself
     * (W1, W3, W4).
     */
    @Graded(points = 3, category = Category.PROPERTY, rules = {"W1", "W3", "W4"})
    void generated_job_sets_all_run_once() {
        Random random = new Random(Seeds.forCheck(ID));
        for (int c = 0; c < CASES; c++) {
            int size = 1 + random.nextInt(4);
            int count = c == 0 ? 0 : c == 1 ? 1 : random.nextInt(MOST_JOBS + 1);
            List<Spec> specs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int roll = random.nextInt(8);
                specs.add(new Spec(1 + random.nextInt(9), roll == 0 ? Ending.THROWS : roll == 1 ? Ending.ERROR
                        : Ending.RETURNS));
            }
            String failure = attempt(size, specs);
            if (failure != null) {
                List<Spec> shortest = Minimizer.minimize(specs, candidate -> attempt(size, candidate) != null,
                        spec -> List.of(), SHRINK_STEPS);
                String shortestFailure = attempt(size, shortest);
                throw new AssertionFailedError((shortestFailure == null ? failure : shortestFailure)
                        + (shortest.size() < specs.size() ? " (the shortest failing job set found, from "
                                + specs.size() + " generated jobs)" : "")
                        + " (job sets drawn from seed " + Seeds.seed() + ": rerun with --seed " + Seeds.seed() + ")");
            }
        }
    }

    /** One pool run; null if it kept every promise, else the first line of the feedback. */
    private static String attempt(int size, List<Spec> specs) {
        Pools pools = new Pools();
        ThreadPool pool = pools.create(size);
        Pools.Jobs jobs = new Pools.Jobs(specs.size());
        AtomicLong total = new AtomicLong();
        for (int i = 0; i < specs.size(); i++) {
            Spec spec = specs.get(i);
            Runnable counted = jobs.job(i);
            Runnable job = () -> {
                total.addAndGet(spec.amount());
                counted.run();
                switch (spec.ending()) {
                    case THROWS -> throw new ThreadPoolBehaviourChecks.JobFailure("a generated job fails on purpose");
                    case ERROR -> throw new ThreadPoolBehaviourChecks.JobMeltdown("a generated job fails on purpose");
                    default -> { }
                }
            };
            pools.execute(pool, job, "execute(job " + i + ")");
        }
        pools.close(pool);
        long expected = specs.stream().mapToLong(Spec::amount).sum();
        String wrong = jobs.discrepancies();
        if (!wrong.isEmpty() || total.get() != expected) {
            return "every job runs exactly once before close() returns, and one that throws costs only itself (W1, "
                    + "W3, W4), but on a pool of " + size + " with the jobs " + specs + ", " + (wrong.isEmpty() ? ""
                            : wrong + ", and ") + "the total came to " + total.get() + " instead of " + expected;
        }
        return null;
    }
}
