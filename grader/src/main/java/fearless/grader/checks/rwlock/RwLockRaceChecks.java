package fearless.grader.checks.rwlock;

import static fearless.grader.checks.rwlock.RwLocks.check;
import static fearless.grader.checks.rwlock.RwLocks.fresh;

import fearless.api.Result;
import fearless.api.mutex.TryLockError;
import fearless.api.sync.RwLock;
import fearless.api.sync.RwLockReadGuard;
import fearless.api.sync.RwLockWriteGuard;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Safely;
import fearless.grader.check.Seeds;
import fearless.grader.check.race.Bounded;
import fearless.grader.check.race.ModelCheck;
import fearless.grader.check.race.ModelCheck.Scenario;
import fearless.grader.check.race.Patience;
import fearless.grader.check.race.Stress;
import fearless.grader.check.race.WatchedCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.opentest4j.AssertionFailedError;

/**
 * Race checks of the rw-lock: a stress run that watches readers and writers from outside (an
 * overlap detector around every critical section), wake-ups of every waiting reader when a
 * writer leaves, held in step so that one lost wake-up always shows, and a model check of the
 * order of poisoning. Each first makes sure the lock works on one thread, so a stub fails at once.
 */
@Exercise("rw-lock")
class RwLockRaceChecks {

    private static final int THREADS = 4;

    /** How many readers wait behind one writer in {@link #writer_release_wakes_every_reader()}. */
    private static final int READERS = 3;

    /** A shared lock, and what the stress threads saw inside it. */
    private static final class Frob {
        final RwLock<Integer> lock = fresh(0);
        final AtomicInteger readersIn = new AtomicInteger();
        final AtomicInteger writersIn = new AtomicInteger();
        final AtomicInteger writes = new AtomicInteger();
        final AtomicReference<String> overlap = new AtomicReference<>();
        final long seed;

        Frob(long seed) {
            this.seed = seed;
        }

        void enterRead(String how) {
            readersIn.incrementAndGet();
            int writers = writersIn.get();
            if (writers != 0) {
                overlap.compareAndSet(null, "a reader got in by " + how + " while " + writers + " writer(s) held the "
                        + "lock");
            }
        }

        void exitRead() {
            readersIn.decrementAndGet();
        }

        void enterWrite(String how) {
            int writers = writersIn.incrementAndGet();
            int readers = readersIn.get();
            if (writers != 1 || readers != 0) {
                overlap.compareAndSet(null, "a writer got in by " + how + " while " + (writers - 1) + " other "
                        + "writer(s) and " + readers + " reader(s) held the lock");
            }
        }

        void exitWrite() {
            writersIn.decrementAndGet();
        }
    }

    /**
     * Rust's {@code frob} as a stress run: four threads each make many random accesses (seeded),
     * one in four a write; they read and write by every way the api offers (read, withRead,
     * tryRead, write, withWrite, tryWrite). Counters outside the lock see any writer beside
     * another holder; the writers' read-yield-write increments must all count; and when all is
     * done the lock must be free, with no share left over or given back too often (a reader
     * count updated without the lock drifts).
     */
    @Graded(points = 3, category = Category.RACE, rules = {"R1"}, dependsOnScheduling = true)
    void frob() {
        RwLocks.requireWorking();
        int accesses = 400;
        long seed = Seeds.forCheck("rw-lock/frob");
        int[] round = {0};
        Stress.of("rw-lock/frob", () -> new Frob(seed + 1_000L * round[0]++))
                .threads(THREADS).rounds(8)
                .onHang("readers and writers got stuck: a waiter was never woken, or the lock was never given back "
                        + "(a reader count that drifted keeps writers out forever) (R1)")
                .diagnose(f -> lockState(f.lock))
                .run((f, t) -> {
                    SplittableRandom random = new SplittableRandom(f.seed + t);
                    for (int i = 0; i < accesses && f.overlap.get() == null; i++) {
                        boolean pause = i % 2 == 0;
                        int how = random.nextInt(3);
                        if (random.nextInt(4) == 0) {
                            write(f, how, pause);
                        } else {
                            read(f, how, pause);
                        }
                    }
                }, f -> {
                    String seen = f.overlap.get();
                    if (seen != null) {
                        throw new AssertionFailedError("readers and writers held the lock at the same time (R1): "
                                + seen + ". A writer must wait while anyone holds the lock, a reader while a writer "
                                + "does; test and change the state in one step under the lock, and look again in a "
                                + "while loop after every wake-up. (This depends on the scheduling: rerunning may "
                                + "not show it again.)");
                    }
                    int total;
                    try (RwLockReadGuard<Integer> g = RwLocks.either(f.lock.read())) {
                        total = g.get();
                    }
                    check(total == f.writes.get(), () -> f.writes.get() + " writes each added 1 through the write lock, "
                            + "but the value is " + total + ": two writers held the lock at once (R1)");
                    checkFree(f.lock);
                });
    }

    /**
     * Wake-ups: a writer holds the lock while three readers wait for it; when the writer leaves,
     * by close(), at the end of withWrite() or by a withWrite() body that throws, all three must
     * get in and hold their shares at the same time. Each reader keeps its share until all three
     * are in (up to 3 s on a busy machine), so a writer's release that wakes a single waiter ({@code notify()})
     * always shows: the one reader woken waits in vain for the others.
     */
    @Graded(points = 2, category = Category.RACE, rules = {"R1"})
    void writer_release_wakes_every_reader() {
        RwLocks.requireWorking();
        Bounded.run("readers waiting behind a writer never got in after it left (R1)", Duration.ofSeconds(9), () -> {
            for (String path : new String[] {"close()", "the end of withWrite()", "a withWrite() body that threw"}) {
                wakeAllReaders(path);
            }
        });
    }

    private static void wakeAllReaders(String path) throws InterruptedException {
        RwLock<Integer> l = fresh(0);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        WatchedCall<Void> writer = WatchedCall.startAction("writer", () -> {
            if (path.equals("close()")) {
                try (RwLockWriteGuard<Integer> g = RwLocks.either(l.write())) {
                    held.countDown();
                    release.await(5, TimeUnit.SECONDS);
                    g.set(1);
                }
                return;
            }
            try {
                l.withWrite(g -> {
                    held.countDown();
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    g.set(1);
                    if (path.startsWith("a withWrite")) {
                        throw new IllegalStateException("the writer failed on purpose");
                    }
                    return null;
                });
            } catch (IllegalStateException expected) {
                // the failure poisons the lock and must still wake the readers
            }
        });
        List<WatchedCall<Boolean>> readers = new ArrayList<>();
        try {
            if (!held.await(2, TimeUnit.SECONDS)) {
                writer.requireNoFailure("write() on a free lock", "R1");
                throw new AssertionFailedError("write() on a free lock did not return within 2 s (R1)");
            }
            CountDownLatch allIn = new CountDownLatch(READERS);
            Duration together = Patience.stretched(Duration.ofSeconds(1), 3.0, Duration.ofSeconds(3));
            for (int i = 0; i < READERS; i++) {
                readers.add(WatchedCall.start("reader-" + i, () -> {
                    try (RwLockReadGuard<Integer> g = RwLocks.either(l.read())) {
                        allIn.countDown();
                        return allIn.await(together.toMillis(), TimeUnit.MILLISECONDS);
                    }
                }));
            }
            for (WatchedCall<Boolean> r : readers) {
                r.awaitWaiting();
            }
            release.countDown();
            for (WatchedCall<Boolean> r : readers) {
                check(r.awaitDone(RwLocks.SHORT.plus(together)), "a reader waiting behind a writer did not get in "
                        + "within " + RwLocks.SHORT.plus(together).toMillis() + " ms after the writer left by " + path
                        + " (R1)");
                r.requireNoFailure("read() behind a writer", "R1");
            }
            int woken = (int) (READERS - allIn.getCount());
            check(readers.stream().allMatch(r -> Boolean.TRUE.equals(r.result())), () -> "a writer left by " + path
                    + " while " + READERS + " readers waited; they should all have been let in together, but one "
                    + "reader held its share " + together.toMillis() + " ms and the others were still asleep (" + woken
                    + " got in before it gave up): the writer's release woke a single waiter. Wake them all, with "
                    + "notifyAll() (R1)");
        } finally {
            release.countDown();
            writer.abandon();
            readers.forEach(WatchedCall::abandon);
        }
    }

    /**
     * Rust's poison order, explored interleaving by interleaving: a failing withWrite() body
     * poisons the lock before it unlocks, so a reader that comes next always sees the poison with
     * the failed body's write. Poisoning after unlocking lets a reader in between.
     */
    @Graded(points = 2, category = Category.RACE, rules = {"R1", "X5"})
    void poison_is_set_before_unlock() {
        ModelCheck.of("rw-lock/poison_is_set_before_unlock", PoisonHandoff.class)
                .scenario(Scenario.of().thread("failWithWrite").thread("readAndLook"))
                .invocations(150)
                .atomic("fearless.api.Result", "fearless.api.mutex.PoisonError", "fearless.api.mutex.TryLockError")
                .onFailure("the next reader saw the failed writer's value (1) but no poison: the lock was released "
                        + "before the poison flag was set, and a reader got in between (R1). Set the flag first, then "
                        + "unlock, in one step under the lock. Below: the results and the interleaving.")
                .onHang("a reader waiting for the lock was never woken after a withWrite() body failed: the failure "
                        + "path must wake the waiters too (R1)")
                .onException("an operation threw under concurrency, although it works on one thread: see the "
                        + "interleaving below (R1)")
                .check();
    }

    /**
     * R1 explored interleaving by interleaving: two readers, or a reader and a writer that passes
     * through -1, then a tryWrite once both are done. No reader may see the -1, and the lock must
     * be free at the end: a count of readers changed outside the lock loses an update in some
     * interleaving, and the model checker finds it deterministically, where a stress run is lucky.
     */
    @Graded(points = 2, category = Category.RACE, rules = {"R1"})
    void readers_and_writers_are_linearizable() {
        ModelCheck.of("rw-lock/readers_and_writers_are_linearizable", ReadersAndWriters.class)
                .scenario(Scenario.of().thread("read").thread("read").post("tryWriteNow"))
                .scenario(Scenario.of().thread("read").thread("write").post("tryWriteNow"))
                .invocations(150)
                .atomic("fearless.api.Result", "fearless.api.mutex.PoisonError", "fearless.api.mutex.TryLockError")
                .onFailure("the results have no sequential explanation: a reader saw a write in progress (-1), or "
                        + "the lock was not free once every reader and writer had left, because the count of "
                        + "readers lost an update (R1). Change the lock's state only under the lock. Below: the "
                        + "results, then the interleaving that produced them.")
                .onHang("a thread waiting for the lock was never woken after the others left (R1)")
                .onException("an operation threw under concurrency, although it works on one thread: see the "
                        + "interleaving below (R1)")
                .check();
    }

    // ---- helpers ----

    private static void read(Frob f, int how, boolean pause) {
        Patience.progress();
        switch (how) {
            case 0 -> {
                try (RwLockReadGuard<Integer> g = RwLocks.either(f.lock.read())) {
                    look(f, g, "read()", pause);
                }
            }
            case 1 -> f.lock.withRead(g -> {
                look(f, g, "withRead()", pause);
                return null;
            });
            default -> {
                try (RwLockReadGuard<Integer> g = spinTryRead(f.lock)) {
                    look(f, g, "tryRead()", pause);
                }
            }
        }
    }

    private static void look(Frob f, RwLockReadGuard<Integer> g, String how, boolean pause) {
        f.enterRead(how);
        g.get();
        if (pause) {
            Thread.yield();
        }
        f.exitRead();
    }

    private static void write(Frob f, int how, boolean pause) {
        Patience.progress();
        switch (how) {
            case 0 -> {
                try (RwLockWriteGuard<Integer> g = RwLocks.either(f.lock.write())) {
                    increment(f, g, "write()", pause);
                }
            }
            case 1 -> f.lock.withWrite(g -> {
                increment(f, g, "withWrite()", pause);
                return null;
            });
            default -> {
                try (RwLockWriteGuard<Integer> g = spinTryWrite(f.lock)) {
                    increment(f, g, "tryWrite()", pause);
                }
            }
        }
    }

    /** Reads, then writes: with {@code pause}, yields in between, so two writers at once lose an update. */
    private static void increment(Frob f, RwLockWriteGuard<Integer> g, String how, boolean pause) {
        f.enterWrite(how);
        int read = g.get();
        if (pause) {
            Thread.yield();
        }
        g.set(read + 1);
        f.writes.incrementAndGet();
        f.exitWrite();
    }

    private static RwLockReadGuard<Integer> spinTryRead(RwLock<Integer> l) {
        while (true) {
            Result<RwLockReadGuard<Integer>, TryLockError<RwLockReadGuard<Integer>>> r = l.tryRead();
            if (r.isOk()) {
                return r.unwrap();
            }
            if (!(r.unwrapErr() instanceof TryLockError.WouldBlock)) {
                throw new AssertionFailedError("tryRead() on a lock nobody poisoned returned " + Safely.show(r)
                        + " (R1)");
            }
            Thread.yield();
        }
    }

    private static RwLockWriteGuard<Integer> spinTryWrite(RwLock<Integer> l) {
        while (true) {
            Result<RwLockWriteGuard<Integer>, TryLockError<RwLockWriteGuard<Integer>>> r = l.tryWrite();
            if (r.isOk()) {
                return r.unwrap();
            }
            if (!(r.unwrapErr() instanceof TryLockError.WouldBlock)) {
                throw new AssertionFailedError("tryWrite() on a lock nobody poisoned returned " + Safely.show(r)
                        + " (R1)");
            }
            Thread.yield();
        }
    }

    /**
     * Once every thread is done, the lock must be free (tryWrite gets it) and count readers
     * right: with one share taken on this thread, tryWrite on another must answer WouldBlock.
     */
    private static void checkFree(RwLock<Integer> l) {
        String idle = RwLocks.tryWriteElsewhere(l);
        check(idle.equals("Ok(guard)"), () -> "every reader and writer was done, yet tryWrite() returned " + idle
                + ": the lock still counts a holder that left, so writers would wait forever. Change the count of "
                + "readers only under the lock (R1). (This depends on the scheduling.)");
        try (RwLockReadGuard<Integer> g = RwLocks.either(l.read())) {
            String beside = RwLocks.tryWriteElsewhere(l);
            check(beside.equals("Err(WouldBlock)"), () -> "every reader and writer was done; then this thread took a "
                    + "read guard, and tryWrite() on another thread returned " + beside + ": the lock lost count of "
                    + "its readers, so a writer gets in beside a reader. Change the count of readers only under the "
                    + "lock (R1). (This depends on the scheduling.)");
        }
    }

    /** What the checking thread can learn about a stuck lock without blocking on it. */
    private static String lockState(RwLock<Integer> l) {
        try {
            return Bounded.call("", Duration.ofMillis(200), () -> {
                String w = RwLocks.describeTry(l.tryWrite(), RwLockWriteGuard::close);
                if (!w.equals("Err(WouldBlock)")) {
                    return "the lock is FREE (tryWrite() from the checking thread: " + w + "), yet threads still "
                            + "wait: their wake-up was lost";
                }
                String r = RwLocks.describeTry(l.tryRead(), RwLockReadGuard::close);
                return "the lock is held (tryWrite(): Err(WouldBlock); tryRead(): " + r + ")";
            });
        } catch (AssertionError | RuntimeException e) {
            return "tryWrite() from the checking thread did not answer";
        }
    }
}
