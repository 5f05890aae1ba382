package fearless.grader.checks.philosophers;

import fearless.api.Unimplemented;
import fearless.api.capstones.DiningPhilosophersProvider;
import fearless.grader.check.Safely;
import fearless.grader.check.Submission;
import fearless.grader.check.race.Patience;
import fearless.grader.check.race.ThreadDump;
import fearless.grader.checks.kit.KitThreads;
import fearless.grader.checks.kit.KitWaits;
import fearless.grader.checks.kit.WatchedMutexes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * One dinner of a submission's table on the kit's threads and watched mutexes, and what the kit
 * saw of it: how often each philosopher ate, whether it held both its forks each time, whether
 * two neighbours ever ate at once. The dinner runs on a caller thread of the check's own,
 * bounded: a table that never finishes fails with who holds which fork and who waits for whom.
 */
final class Table {

    /** The lesson every dining-philosophers check points to. */
    static final String LESSON = "course-notes/10-capstones.md";

    final KitThreads threads = new KitThreads();
    final WatchedMutexes forks = new WatchedMutexes();
    private final int philosophers;
    private final AtomicIntegerArray meals;
    private final AtomicIntegerArray eating;
    private final AtomicReference<String> firstWrong = new AtomicReference<>();
    private volatile IntConsumer during = i -> { };
    private volatile int notJoinedAtEnd = -1;

    Table(int philosophers) {
        this.philosophers = philosophers;
        this.meals = new AtomicIntegerArray(Math.max(philosophers, 0));
        this.eating = new AtomicIntegerArray(Math.max(philosophers, 0));
    }

    /**
     * Philosophers spawned from now on wait, before their first meal, until all of them are
     * seated (at most 2 s): so they reach for their forks together, not one by one as spawned.
     */
    void startTogether() {
        threads.holdStarts();
        Thread usher = new Thread(() -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (threads.spawnCount() < philosophers && System.nanoTime() - deadline < 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(200_000);
            }
            threads.releaseStarts();
        }, "table-usher");
        usher.setDaemon(true);
        usher.start();
    }

    /** Runs {@code action} inside each call of {@code eat}, on the eating philosopher's thread. */
    void whileEating(IntConsumer action) {
        during = action;
    }

    /** The {@code eat} a check gives: it counts the meal and notes a philosopher without both forks or beside an eating neighbour. */
    private void eat(int philosopher) {
        if (philosopher < 0 || philosopher >= philosophers) {
            firstWrong.compareAndSet(null, "eat was called with " + philosopher + ", not a seat at a table of "
                    + philosophers);
            return;
        }
        int left = philosopher;
        int right = (philosopher + 1) % philosophers;
        Set<Integer> held = forks.heldBy(Thread.currentThread());
        if (!held.contains(left) || !held.contains(right)) {
            firstWrong.compareAndSet(null, "philosopher " + philosopher + " ate holding " + describe(held)
                    + " instead of forks " + left + " and " + right + " (P1)");
        }
        eating.incrementAndGet(philosopher);
        try {
            int before = (philosopher + philosophers - 1) % philosophers;
            if (eating.get(before) > 0 || eating.get(right) > 0) {
                firstWrong.compareAndSet(null, "philosopher " + philosopher + " ate while its neighbour "
                        + (eating.get(before) > 0 ? before : right) + " was eating (P1)");
            }
            during.accept(philosopher);
            Patience.progress();
        } finally {
            eating.decrementAndGet(philosopher);
            meals.incrementAndGet(philosopher);
        }
    }

    private static String describe(Set<Integer> held) {
        if (held.isEmpty()) {
            return "no fork";
        }
        String numbers = new TreeSet<>(held).toString().replace("[", "").replace("]", "").replace(", ", " and ");
        return held.size() == 1 ? "only fork " + numbers : "forks " + numbers;
    }

    /**
     * {@code dine(philosophers, meals, eat)} on the submission's table, bounded. A stub's "not yet
     * implemented" goes on as it is; anything else it throws is returned.
     */
    Throwable dine(int meals) {
        Throwable[] failure = new Throwable[1];
        Thread caller = new Thread(() -> {
            try {
                Submission.provider(DiningPhilosophersProvider.class).table(threads, forks)
                        .dine(philosophers, meals, this::eat);
            } catch (Throwable e) {
                failure[0] = e;
            } finally {
                notJoinedAtEnd = threads.notJoined();
            }
        }, "table-caller");
        caller.setDaemon(true);
        caller.start();
        if (!Patience.awaitEnd(caller, Duration.ofSeconds(2), Duration.ofSeconds(6))) {
            throw new AssertionFailedError(hang(call(meals), caller));
        }
        if (failure[0] instanceof Unimplemented stub) {
            throw stub;
        }
        return failure[0];
    }

    /** Fails unless dine returned normally. */
    void dineOrFail(int meals) {
        Throwable thrown = dine(meals);
        check(thrown == null, () -> call(meals) + " must return, but it threw " + Safely.describe(thrown));
    }

    /** "dine(5, 3, eat)", as feedback names the call. */
    String call(int meals) {
        return "dine(" + philosophers + ", " + meals + ", eat)";
    }

    /** The feedback of a table that never finished: who holds which fork, who waits for whom, the cycle. */
    private String hang(String call, Thread caller) {
        List<Thread> involved = new ArrayList<>(threads.threads());
        String waits = KitWaits.explain(involved);
        StringBuilder held = new StringBuilder();
        for (Thread t : involved) {
            if (t.isAlive()) {
                held.append("  '").append(t.getName()).append("' holds ").append(describe(forks.heldBy(t)))
                        .append('\n');
            }
        }
        String first = !KitWaits.cycle(involved).isEmpty()
                ? call + " never finished: the philosophers deadlocked, each holding one fork and waiting for the "
                        + "next one's (P2). If every philosopher reaches for the same side first, the waits close a "
                        + "circle: take the lower-numbered of the two forks first."
                : call + " never finished (P3).";
        involved.add(caller);
        return first + "\nWho holds what:\n" + held + "Where each thread waits:\n" + waits + "Thread dump:\n"
                + ThreadDump.of(involved);
    }

    /** How many times philosopher {@code i} ate. */
    int mealsOf(int i) {
        return meals.get(i);
    }

    /** The first thing an eat call saw wrong, or null. */
    String firstWrong() {
        return firstWrong.get();
    }

    /** How many spawned threads were not joined when dine returned or threw. */
    int notJoinedAtEnd() {
        return notJoinedAtEnd;
    }

    /** "[3, 3, 2, 3, 3]": each philosopher's meals. */
    String mealCounts() {
        return meals.toString();
    }

    static void check(boolean condition, Supplier<String> message) {
        if (!condition) {
            throw new AssertionFailedError(message.get());
        }
    }
}
