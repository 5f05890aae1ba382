package fearless.grader.checks.condvar;

import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.property.StatefulProperty;
import fearless.grader.check.race.Patience;
import java.time.Duration;

/**
 * The condvar against a model of tickets: random schedules of waiters, releases with notifyOne()
 * or notifyAllWaiters(), wake-ups with no ticket, and timed waits that give up. However the
 * notifications fall, as many waiters end as there were tickets for, and no more: every
 * notification reaches a thread waiting when it is sent (C1, C4), a wake-up with no ticket sends
 * the waiter back to wait (C2), and a waiter that timed out takes nothing (C3). The first
 * disagreement is minimized and shown as numbered steps with the seed.
 */
@Exercise("condvar")
class CondvarPropertyChecks {

    /** Sequences tried: each starts threads, so fewer than usual. */
    private static final int EXAMPLES = 40;

    /** How long a step may take to wake the waiters it must: microseconds for a correct condvar. */
    private static final Duration SETTLE = Duration.ofMillis(150);

    @Graded(points = 3, category = Category.PROPERTY, rules = {"C1", "C2", "C3", "C4"})
    void tickets_model() {
        Condvars.requireImplemented();
        Duration bound = Patience.stretched(SETTLE, 1, Duration.ofSeconds(1));
        StatefulProperty.of("condvar", () -> new Tickets(bound), TicketModel::new, TicketOps.sequences())
                .cleanup(Tickets::close)
                .examples(EXAMPLES)
                .check("condvar/tickets_model");
    }
}
