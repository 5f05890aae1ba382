package fearless.grader.checks.scoped;

import fearless.api.thread.Scopes;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Seeds;
import fearless.grader.check.property.Minimizer;
import java.util.List;
import java.util.Random;
import org.opentest4j.AssertionFailedError;

/** Generated scope workloads against Rust's scope: random trees of nested spawns, joins by hand and failures. */
@Exercise("scoped-threads")
class ScopedPropertyChecks {

    private static final int EXAMPLES = 60;
    private static final int MAX_NODES = 8;
    private static final int MINIMIZER_BUDGET = 60;

    /**
     * Random trees of up to eight scoped threads (some spawned by scoped threads, some joined by
     * hand, some throwing a Panic, an exception or an Error, some lingering until the scope waits;
     * sometimes the body throws): every thread has ended when scope() returns, joins give the
     * outcomes as values, and the scope's own outcome is Rust's (T6, T2).
     */
    @Graded(points = 4, category = Category.PROPERTY, rules = {"T6", "T2"})
    void scope_workloads_match_rust() {
        String id = "scoped-threads/scope_workloads_match_rust";
        Scoped.scenario("a generated scope workload did not finish (T6)", () -> {
            Scopes scopes = Scoped.scopes();
            Random random = new Random(Seeds.forCheck(id));
            for (int example = 1; example <= EXAMPLES; example++) {
                Workload workload = Workload.random(random, MAX_NODES);
                String mismatch = WorkloadRun.mismatch(scopes, workload);
                if (mismatch != null) {
                    throw report(scopes, workload, example);
                }
            }
        });
    }

    private static AssertionFailedError report(Scopes scopes, Workload failing, int example) {
        List<Workload.Node> nodes = Minimizer.minimize(failing.nodes(),
                candidate -> WorkloadRun.mismatch(scopes, new Workload(candidate, failing.bodyThrows())) != null,
                node -> List.of(), MINIMIZER_BUDGET);
        Workload shown = new Workload(nodes, failing.bodyThrows());
        String mismatch = WorkloadRun.mismatch(scopes, shown);
        if (mismatch == null) {
            shown = failing; // timing-dependent: show the workload as found
            mismatch = WorkloadRun.mismatch(scopes, shown);
        }
        String first = mismatch == null ? "a generated scope workload broke T6 once, but not when run again (a race?)"
                : mismatch;
        return new AssertionFailedError(first + "\nMinimized workload (" + shown.nodes().size() + " threads, from "
                + failing.nodes().size() + " generated):\n" + shown.describe() + "Seed: " + Seeds.seed() + " (example "
                + example + " of " + EXAMPLES + "; rerun with --seed " + Seeds.seed() + ")");
    }
}
