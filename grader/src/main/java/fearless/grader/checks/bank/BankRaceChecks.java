package fearless.grader.checks.bank;

import static fearless.grader.checks.bank.Tellers.check;

import fearless.api.capstones.Bank;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Seeds;
import fearless.grader.check.race.Patience;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.opentest4j.AssertionFailedError;

/**
 * Transfers on many threads at once. The kit's watched mutexes make the rare interleavings happen every run:
 * a thread that took its first lock waits for another to take one (so opposite lock orders
 * deadlock at once), a balance write yields (so a half-done transfer is there to be seen).
 */
@Exercise("bank")
class BankRaceChecks {

    private static final int ROUNDS = 3;

    /** How long a first lock waits for another thread to hold one; the rounds' first few locks only. */
    private static final Duration MEETING = Duration.ofMillis(40);

    /**
     * Two threads transfer between accounts 0 and 1 in opposite directions, then three threads
     * transfer around a ring 0 → 1 → 2 → 0, each thread's first lock held until the other threads
     * hold one too, if they can: no interleaving may deadlock, and the total is conserved (D2, D1).
     */
    @Graded(points = 3, category = Category.RACE, rules = {"D2", "D1"})
    void opposite_transfers_never_deadlock() {
        for (int round = 0; round < ROUNDS; round++) {
            Tellers tellers = new Tellers();
            Bank bank = tellers.call("open([1000, 1000])", () -> tellers.open(1000, 1000));
            tellers.vault.meetOnFirstLocks(2, 2, MEETING);
            tellers.run("transfer(0, 1, 1) and transfer(1, 0, 1), 100 times each on two threads at once", bank,
                    List.of(b -> repeat(b, 0, 1), b -> repeat(b, 1, 0)));
            long total = tellers.call("total()", bank::total);
            check(total == 2000, () -> "transfers in opposite directions must conserve the total (D1), but after them "
                    + "total() is " + total + " instead of 2000");
        }
        for (int round = 0; round < ROUNDS; round++) {
            Tellers tellers = new Tellers();
            Bank bank = tellers.call("open([1000, 1000, 1000])", () -> tellers.open(1000, 1000, 1000));
            tellers.vault.meetOnFirstLocks(3, 3, MEETING);
            tellers.run("transfer(0, 1, 1), transfer(1, 2, 1) and transfer(2, 0, 1), 100 times each on three threads "
                    + "at once", bank, List.of(b -> repeat(b, 0, 1), b -> repeat(b, 1, 2), b -> repeat(b, 2, 0)));
        }
    }

    /** Waits until the slow transfer holds account 0, or ended without it (a stub's throw), at most {@code bound}. */
    private static boolean awaitPaused(Tellers tellers, Thread slow, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (tellers.vault.awaitPaused(Duration.ofMillis(10))) {
                return true;
            }
            if (!slow.isAlive()) {
                return false;
            }
        }
        return false;
    }

    private static void repeat(Bank bank, int from, int to) {
        for (int i = 0; i < 100; i++) {
            bank.transfer(from, to, 1);
            Patience.progress();
        }
    }

    /**
     * Three threads make random transfers among 4 accounts while a fourth calls {@code total()}
     * over and over: every total equals the opening one, never a transfer half done (D1). Each
     * balance write yields, so a total that does not hold every lock sees the money in flight.
     */
    @Graded(points = 2, category = Category.RACE, rules = {"D1"})
    void totals_never_see_a_transfer_half_done() {
        for (int round = 0; round < ROUNDS; round++) {
            Tellers tellers = new Tellers();
            Bank bank = tellers.call("open([500, 500, 500, 500])", () -> tellers.open(500, 500, 500, 500));
            tellers.vault.yieldOnWrites();
            AtomicReference<String> wrong = new AtomicReference<>();
            long seed = Seeds.forCheck("bank/totals_never_see_a_transfer_half_done") + round;
            List<Tellers.Work> works = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                Random random = new Random(seed * 31 + t);
                works.add(b -> {
                    for (int i = 0; i < 300; i++) {
                        b.transfer(random.nextInt(4), random.nextInt(4), 1 + random.nextInt(40));
                        Patience.progress();
                    }
                });
            }
            works.add(b -> {
                for (int i = 0; i < 150 && wrong.get() == null; i++) {
                    long total = b.total();
                    if (total != 2000) {
                        wrong.compareAndSet(null, "total() returned " + total);
                    }
                    Patience.progress();
                }
            });
            tellers.run("3 threads transferring among 4 accounts while a fourth calls total()", bank, works);
            check(wrong.get() == null, () -> "total() holds every account's lock at once, so it never sees a transfer "
                    + "half done and always equals the 2000 the bank opened with (D1), but while 3 threads transferred, "
                    + wrong.get() + ". Either total() reads balances without holding all the locks, or a transfer lets "
                    + "go of one account before the money reached the other.");
        }
    }

    /**
     * Two threads each move 7 out of an account holding 7, and a thread that lets go of that
     * account holding nothing else waits until the other has taken and let go of it too: a
     * balance read before the locks are taken is then stale every run, and exactly one transfer
     * may succeed. Then four threads all try to move 7 at a time out of account 0, which opens
     * with 100, 40 times each: exactly 14 succeed, and 2 are left (D3).
     */
    @Graded(points = 2, category = Category.RACE, rules = {"D3"})
    void no_account_goes_negative_under_contention() {
        for (int round = 0; round < 3; round++) {
            Tellers tellers = new Tellers();
            Bank bank = tellers.call("open([7, 0, 0])", () -> tellers.open(7, 0, 0));
            tellers.vault.meetAfterRelease(0, 2, Duration.ofMillis(100));
            AtomicLong moved = new AtomicLong();
            tellers.run("transfer(0, 1, 7) and transfer(0, 2, 7) on two threads at once, from an account holding 7",
                    bank, List.of(b -> moved.addAndGet(b.transfer(0, 1, 7) ? 1 : 0),
                            b -> moved.addAndGet(b.transfer(0, 2, 7) ? 1 : 0)));
            long left = tellers.call("balance(0)", () -> bank.balance(0));
            long succeeded = moved.get();
            check(left == 0 && succeeded == 1, () -> "a transfer checks the balance under the lock, so of two transfers "
                    + "of 7 from an account holding 7 exactly one succeeds (D3), but " + succeeded + " succeeded and "
                    + "account 0 holds " + left + (left < 0 ? ": it went negative. Both threads saw 7 before either "
                            + "took the locks: check the balance after taking them, never before (check-then-act)."
                            : ""));
        }
        for (int round = 0; round < 3; round++) {
            Tellers tellers = new Tellers();
            Bank bank = tellers.call("open([100, 0, 0, 0, 0])", () -> tellers.open(100, 0, 0, 0, 0));
            tellers.vault.yieldOnWrites();
            AtomicLong moved = new AtomicLong();
            List<Tellers.Work> works = new ArrayList<>();
            for (int t = 1; t <= 4; t++) {
                int to = t;
                works.add(b -> {
                    for (int i = 0; i < 40; i++) {
                        if (b.transfer(0, to, 7)) {
                            moved.incrementAndGet();
                        }
                        Patience.progress();
                    }
                });
            }
            tellers.run("4 threads each moving 7 out of account 0 (opening with 100), 40 times", bank, works);
            long left = tellers.call("balance(0)", () -> bank.balance(0));
            long succeeded = moved.get();
            check(left == 2 && succeeded == 14, () -> "a transfer checks the balance under the lock, so account 0 with "
                    + "100 gives exactly 14 transfers of 7 and keeps 2 (D3), but " + succeeded + " transfers succeeded and "
                    + "account 0 holds " + left + (left < 0 ? ": it went negative. Check the balance after taking the "
                            + "locks, never before: check-then-act lets two threads both see enough money." : ""));
        }
    }

    /**
     * While one thread holds account 0's lock inside a transfer from 0 to 1, a transfer from 2 to
     * 3 on another thread must finish: transfers that share no account never wait for each other
     * (D2). A lock for the whole bank makes every transfer wait for every other.
     */
    @Graded(points = 2, category = Category.RACE, rules = {"D2"})
    void transfers_on_other_accounts_do_not_wait() {
        Tellers tellers = new Tellers();
        Bank bank = tellers.call("open([10, 10, 10, 10])", () -> tellers.open(10, 10, 10, 10));
        tellers.vault.pauseHolderOf(0);
        Thread slow = new Thread(() -> bank.transfer(0, 1, 5), "teller-0-to-1");
        slow.setDaemon(true);
        slow.start();
        try {
            Duration bound = Patience.stretched(Duration.ofSeconds(1), 2, Duration.ofSeconds(4));
            if (!awaitPaused(tellers, slow, bound)) {
                check(!slow.isAlive(), () -> "transfer(0, 1, 5) must lock account 0 soon, but it had not after "
                        + bound.toMillis() + " ms");
                tellers.call("transfer(0, 1, 5)", () -> bank.transfer(0, 1, 5));
                throw new AssertionError("transfer(0, 1, 5) must lock account 0's mutex, made by the MutexProvider "
                        + "given (D2), but it returned without locking it");
            }
            boolean moved;
            try {
                moved = tellers.call("transfer(2, 3, 4) while another thread is inside transfer(0, 1, 5)",
                        () -> bank.transfer(2, 3, 4));
            } catch (AssertionFailedError waited) {
                throw new AssertionFailedError("transfers that share no account never wait for each other (D2), but "
                        + "transfer(2, 3, 4) waited while another thread was inside transfer(0, 1, 5), holding account "
                        + "0: a lock for the whole bank (synchronized, or one mutex around every transfer) makes every "
                        + "transfer wait for every other. Lock only the two accounts a transfer touches.\n"
                        + waited.getMessage());
            }
            check(moved, () -> "transfer(2, 3, 4) from an account holding 10 must return true, but it returned false");
        } finally {
            tellers.vault.releasePause();
        }
    }
}
