package fearless.grader.checks.bank;

import fearless.api.Unimplemented;
import fearless.api.capstones.Bank;
import fearless.api.capstones.BankProvider;
import fearless.grader.check.Safely;
import fearless.grader.check.Submission;
import fearless.grader.check.race.Patience;
import fearless.grader.check.race.ThreadDump;
import fearless.grader.checks.kit.KitWaits;
import fearless.grader.checks.kit.WatchedMutexes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * A submission's bank on the check's {@link WatchedMutexes}, and threads (tellers) that work on it at the
 * same time, released together. Every wait is bounded: tellers that do not finish fail the check
 * with who holds which account and who waits for whom, the lock cycle spelled out, not a bare
 * timeout.
 */
final class Tellers {

    /** The lesson every bank check points to. */
    static final String LESSON = "course-notes/10-capstones.md";

    /** A teller's work; it may fail the check by throwing an AssertionError. */
    interface Work {
        void run(Bank bank) throws Exception;
    }

    final WatchedMutexes vault = new WatchedMutexes();

    /** A new bank from the submission, opening with {@code balances}, on the vault's mutexes. */
    Bank open(long... balances) {
        return Submission.provider(BankProvider.class).open(balances.clone(), vault);
    }

    /**
     * Runs each work on a teller thread of its own, all released together, and waits for all of
     * them. The first failure of a teller fails the check (a stub's "not yet implemented" goes on
     * as it is); tellers that do not finish in time fail it with the wait-for graph.
     * {@code what} names the scenario in feedback.
     */
    void run(String what, Bank bank, List<Work> works) {
        CountDownLatch gate = new CountDownLatch(1);
        Throwable[] failure = new Throwable[1];
        List<Thread> tellers = new ArrayList<>();
        for (int i = 0; i < works.size(); i++) {
            Work work = works.get(i);
            Thread teller = new Thread(() -> {
                try {
                    gate.await(5, TimeUnit.SECONDS);
                    work.run(bank);
                } catch (Throwable e) {
                    synchronized (failure) {
                        if (failure[0] == null) {
                            failure[0] = e;
                        }
                    }
                }
            }, "teller-" + i);
            teller.setDaemon(true);
            tellers.add(teller);
            teller.start();
        }
        gate.countDown();
        for (Thread teller : tellers) {
            Patience.awaitEnd(teller, Duration.ofSeconds(2), Duration.ofSeconds(6));
        }
        List<Thread> stuck = tellers.stream().filter(Thread::isAlive).toList();
        if (!stuck.isEmpty()) {
            throw new AssertionFailedError(hang(what, tellers, stuck.size()));
        }
        synchronized (failure) {
            rethrow(failure[0], what);
        }
    }

    /** Calls {@code body} on a thread of its own, bounded; its value, or the check fails with the wait-for graph. */
    <T> T call(String what, Supplier<T> body) {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread caller = new Thread(() -> {
            try {
                result[0] = body.get();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "bank-caller");
        caller.setDaemon(true);
        caller.start();
        if (!Patience.awaitEnd(caller, Duration.ofSeconds(1), Duration.ofSeconds(4))) {
            throw new AssertionFailedError(hang(what, List.of(caller), 1));
        }
        rethrow(failure[0], what);
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    private static void rethrow(Throwable failure, String what) {
        if (failure == null) {
            return;
        }
        if (failure instanceof Unimplemented stub) {
            throw stub;
        }
        if (failure instanceof AssertionError assertion) {
            throw assertion;
        }
        throw new AssertionFailedError(what + ": the bank threw " + Safely.describe(failure), failure);
    }

    /** The feedback for tellers that never finished: the cycle first, then each thread's wait and a dump. */
    private String hang(String what, List<Thread> tellers, int stuck) {
        String waits = KitWaits.explain(tellers);
        String first = !KitWaits.cycle(tellers).isEmpty()
                ? what + ": " + stuck + " thread" + (stuck == 1 ? "" : "s") + " never finished, deadlocked: each holds an "
                        + "account's lock and waits for one another holds (D2). Take the locks of a transfer in one "
                        + "global order, the same for every thread: the lower account number first."
                : what + ": " + stuck + " thread" + (stuck == 1 ? "" : "s") + " never finished (D2).";
        StringBuilder held = new StringBuilder();
        for (Thread teller : tellers) {
            if (teller.isAlive() && !vault.heldBy(teller).isEmpty()) {
                Set<Integer> accounts = new TreeSet<>(vault.heldBy(teller));
                String numbers = accounts.toString().replace("[", "").replace("]", "");
                held.append("  '").append(teller.getName()).append("' holds account")
                        .append(accounts.size() == 1 ? " " : "s ").append(numbers).append('\n');
            }
        }
        return first + "\nWho holds what:\n" + held + "Where each thread waits:\n" + waits + "Thread dump:\n"
                + ThreadDump.of(tellers);
    }

    static void check(boolean condition, Supplier<String> message) {
        if (!condition) {
            throw new AssertionFailedError(message.get());
        }
    }
}
