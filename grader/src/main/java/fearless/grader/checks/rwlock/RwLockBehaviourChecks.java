package fearless.grader.checks.rwlock;

import static fearless.grader.checks.rwlock.RwLocks.check;
import static fearless.grader.checks.rwlock.RwLocks.expectWouldBlock;
import static fearless.grader.checks.rwlock.RwLocks.fresh;
import static fearless.grader.checks.rwlock.RwLocks.ok;
import static fearless.grader.checks.rwlock.RwLocks.poisoned;
import static fearless.grader.checks.rwlock.RwLocks.scenario;
import static fearless.grader.checks.rwlock.RwLocks.tryPoisoned;
import static fearless.grader.checks.rwlock.RwLocks.tryReadElsewhere;
import static fearless.grader.checks.rwlock.RwLocks.tryWriteElsewhere;

import fearless.api.ErrorCode;
import fearless.api.Result;
import fearless.api.mutex.PoisonError;
import fearless.api.sync.RwLock;
import fearless.api.sync.RwLockReadGuard;
import fearless.api.sync.RwLockWriteGuard;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Expect;
import fearless.grader.check.Graded;
import fearless.grader.check.Safely;
import fearless.grader.check.race.Patience;
import fearless.grader.check.race.WatchedCall;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opentest4j.AssertionFailedError;

/**
 * The rw-lock's examples, most of them ports of Rust's own tests
 * ({@code library/std/tests/sync/rwlock.rs}). Whatever must happen on another thread while this
 * one holds the lock (or the reverse) happens on a thread of the check's own, watched from
 * outside: a call that must wait is seen waiting, one that must not is seen returning.
 */
@Exercise("rw-lock")
class RwLockBehaviourChecks {

    /** How long a call that must wait is watched waiting. */
    private static final Duration WATCH = Duration.ofMillis(150);

    /** A failure thrown by a body on purpose. */
    private static final class BodyFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BodyFailed() {
            super("the body failed on purpose");
        }
    }

    /** An Error thrown by a body on purpose: not an Exception, and still a failure. */
    private static final class BodyError extends Error {
        private static final long serialVersionUID = 1L;

        BodyError() {
            super("the body failed with an Error on purpose");
        }
    }

    /**
     * Rust's {@code smoke}, on one thread: a new lock is unlocked and unpoisoned and guards the
     * value given; read, write, read again and write again, each guard closed before the next;
     * a write guard's set is what the next reader sees.
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"R1"})
    void smoke() {
        scenario("read() or write() on a lock nobody else holds blocked (R1)", () -> {
            RwLock<Integer> l = fresh(7);
            check(!l.isPoisoned(), "a new lock says isPoisoned() == true: it must start unpoisoned (R1)");
            try (RwLockReadGuard<Integer> r = ok(l.read(), "read() on a new lock", "R1")) {
                Integer v = r.get();
                check(Integer.valueOf(7).equals(v), () -> "create(7) then read().get() returned " + Safely.show(v)
                        + ": the lock must guard the value it was created with (R1)");
            }
            try (RwLockWriteGuard<Integer> w = ok(l.write(), "write() after the read guard was closed", "R1")) {
                w.set(8);
            }
            try (RwLockReadGuard<Integer> r = ok(l.read(), "read() after the write guard was closed", "R1")) {
                Integer v = r.get();
                check(Integer.valueOf(8).equals(v), () -> "a write guard set 8 and closed, then read().get() returned "
                        + Safely.show(v) + ": readers who come after a writer see its value (R1)");
            }
            ok(l.write(), "write() after the second read guard was closed", "R1").close();
            check(!l.isPoisoned(), "isPoisoned() is true although nothing failed (R1)");
        });
    }

    /**
     * R1, many readers at once: while another thread holds a share, read(), tryRead() and
     * withRead() on this thread get in at once. A lock whose readers exclude each other fails.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"R1"})
    void readers_share_the_lock() {
        scenario("a reader blocked while only another reader held the lock (R1)", () -> {
            RwLock<Integer> l = fresh(5);
            try (Holding other = Holding.read(l)) {
                WatchedCall<Integer> reader = WatchedCall.start("second-reader", () -> {
                    try (RwLockReadGuard<Integer> g = ok(l.read(), "read()", "R1")) {
                        return g.get();
                    }
                });
                boolean done = reader.awaitDone(Patience.prompt().plus(Duration.ofMillis(500)));
                if (!done) {
                    reader.abandon();
                    throw new AssertionFailedError("read() waited while another thread held only a read guard: any "
                            + "number of readers may hold the lock at once (R1). A reader waits only while a writer "
                            + "holds it");
                }
                Integer seen = reader.result("read() while another reader holds the lock");
                check(Integer.valueOf(5).equals(seen), () -> "a second reader's get() returned " + Safely.show(seen)
                        + ", not the guarded 5 (R1)");
                String tried = tryReadElsewhere(l);
                check(tried.equals("Ok(guard)"), () -> "tryRead() while another thread holds a read guard returned "
                        + tried + ": readers share the lock (R1)");
                Integer viaWith = RwLocks.onOtherThread("withRead() while another reader holds the lock",
                        () -> l.withRead(RwLockReadGuard::get));
                check(Integer.valueOf(5).equals(viaWith), () -> "withRead(g -> g.get()) while another reader holds the "
                        + "lock returned " + Safely.show(viaWith) + " (R1)");
                other.releaseAndWait();
            }
        });
    }

    /**
     * R1, a writer waits for every reader: with two readers in, write() waits; when one of them
     * leaves it still waits (a writer woken must look again, in a loop); tryWrite() answers
     * WouldBlock; once the last reader leaves, the writer gets in. Ports {@code test_rw_arc}'s
     * promise that a writer never runs beside a reader.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"R1"})
    void writer_waits_for_readers() {
        scenario("a writer never got the lock after every reader left (R1): was it woken?", () -> {
            RwLock<Integer> l = fresh(0);
            Holding first = Holding.read(l);
            Holding second = Holding.read(l);
            AtomicBoolean writerIn = new AtomicBoolean();
            WatchedCall<Void> writer = WatchedCall.startAction("writer", () -> {
                try (RwLockWriteGuard<Integer> g = ok(l.write(), "write() once the readers left", "R1")) {
                    writerIn.set(true);
                    g.set(1);
                }
            });
            try {
                writer.awaitWaiting();
                check(!writer.returnedWithin(WATCH.toMillis()) && !writerIn.get(), () -> {
                    writer.requireNoFailure("write() while two readers hold the lock", "R1");
                    return "write() returned while two other threads held read guards: a writer must wait until no "
                            + "reader holds the lock (R1)";
                });
                String tried = tryWriteElsewhere(l);
                check(tried.equals("Err(WouldBlock)"), () -> "tryWrite() while two readers hold the lock returned "
                        + tried + ", not Err(WouldBlock) (R1)");
                first.releaseAndWait();
                check(!writer.returnedWithin(WATCH.toMillis()) && !writerIn.get(), () -> {
                    writer.requireNoFailure("write() while one reader still holds the lock", "R1");
                    return "one of two readers left, and the waiting write() returned although the other reader still "
                            + "held its guard: a woken writer must check again, in a while loop, that no reader holds "
                            + "the lock (R1)";
                });
                second.releaseAndWait();
                check(writer.awaitDone(RwLocks.SHORT), "the last reader left, but the waiting write() did not return "
                        + "within 2 s: closing the last read guard must wake the writer (R1)");
                writer.requireNoFailure("write() once every reader left", "R1");
                try (RwLockReadGuard<Integer> r = ok(l.read(), "read() after the writer closed", "R1")) {
                    Integer v = r.get();
                    check(Integer.valueOf(1).equals(v), () -> "the writer set 1 and closed; read().get() returned "
                            + Safely.show(v) + " (R1)");
                }
            } finally {
                first.close();
                second.close();
                writer.abandon();
            }
        });
    }

    /**
     * R1, a writer holds the lock alone: while another thread holds the write guard, read() and
     * write() both wait and tryRead() and tryWrite() answer WouldBlock; when the writer closes,
     * the waiting reader and writer get in and see its value.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"R1"})
    void readers_and_writers_wait_for_a_writer() {
        scenario("a reader or a writer never got the lock after the writer left (R1): was it woken?", () -> {
            RwLock<Integer> l = fresh(0);
            Holding holder = Holding.write(l, g -> g.set(9));
            WatchedCall<Integer> reader = WatchedCall.start("reader", () -> {
                try (RwLockReadGuard<Integer> g = ok(l.read(), "read() once the writer left", "R1")) {
                    return g.get();
                }
            });
            WatchedCall<Integer> writer = WatchedCall.start("second-writer", () -> {
                try (RwLockWriteGuard<Integer> g = ok(l.write(), "write() once the writer left", "R1")) {
                    return g.get();
                }
            });
            try {
                reader.awaitWaiting();
                writer.awaitWaiting();
                check(!reader.returnedWithin(WATCH.toMillis()), () -> {
                    reader.requireNoFailure("read() while a writer holds the lock", "R1");
                    return "read() returned while another thread held the write guard: a reader must wait while a "
                            + "writer holds the lock (R1)";
                });
                check(!writer.isDone(), () -> {
                    writer.requireNoFailure("write() while a writer holds the lock", "R1");
                    return "write() returned while another thread held the write guard: a writer holds the lock "
                            + "alone (R1)";
                });
                String triedRead = tryReadElsewhere(l);
                check(triedRead.equals("Err(WouldBlock)"), () -> "tryRead() while a writer holds the lock returned "
                        + triedRead + ", not Err(WouldBlock) (R1)");
                String triedWrite = tryWriteElsewhere(l);
                check(triedWrite.equals("Err(WouldBlock)"), () -> "tryWrite() while a writer holds the lock returned "
                        + triedWrite + ", not Err(WouldBlock) (R1)");
                holder.releaseAndWait();
                check(reader.awaitDone(RwLocks.SHORT) && writer.awaitDone(RwLocks.SHORT), "the writer closed its "
                        + "guard, but a reader or a writer waiting for it did not get the lock within 2 s: every "
                        + "release must wake all the waiters (R1)");
                Integer r = reader.result("read() once the writer left");
                Integer w = writer.result("write() once the writer left");
                check(Integer.valueOf(9).equals(r) && Integer.valueOf(9).equals(w), () -> "the writer set 9 before "
                        + "closing; the reader that came after saw " + Safely.show(r) + " and the writer "
                        + Safely.show(w) + " (R1: readers who come after see the value set)");
            } finally {
                holder.close();
                reader.abandon();
                writer.abandon();
            }
        });
    }

    /**
     * Rust's {@code test_rwlock_try_write} and {@code test_try_read}, with the other guard held on
     * another thread: tryWrite() is WouldBlock while a reader holds the lock and Ok once it left;
     * tryRead() is Ok beside a reader and WouldBlock beside a writer; on a free lock both are Ok.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"R1"})
    void try_read_and_try_write() {
        scenario("tryRead() or tryWrite() blocked: they must never wait (R1)", () -> {
            RwLock<Integer> l = fresh(0);
            String freeRead = RwLocks.describeTry(l.tryRead(), RwLockReadGuard::close);
            check(freeRead.equals("Ok(guard)"), () -> "tryRead() on a free lock returned " + freeRead + " (R1)");
            String freeWrite = RwLocks.describeTry(l.tryWrite(), RwLockWriteGuard::close);
            check(freeWrite.equals("Ok(guard)"), () -> "tryWrite() on a free lock returned " + freeWrite
                    + " (R1): was the share of the tryRead() before it given back?");
            try (Holding reader = Holding.read(l)) {
                expectWouldBlock(l.tryWrite(), "tryWrite() while another thread holds a read guard", "R1");
                String beside = RwLocks.describeTry(l.tryRead(), RwLockReadGuard::close);
                check(beside.equals("Ok(guard)"), () -> "tryRead() while another thread holds a read guard returned "
                        + beside + ": readers share the lock (R1)");
                reader.releaseAndWait();
            }
            String after = RwLocks.describeTry(l.tryWrite(), RwLockWriteGuard::close);
            check(after.equals("Ok(guard)"), () -> "tryWrite() after every reader left returned " + after + " (R1)");
            try (Holding writer = Holding.write(l, g -> { })) {
                expectWouldBlock(l.tryRead(), "tryRead() while another thread holds the write guard", "R1");
                expectWouldBlock(l.tryWrite(), "tryWrite() while another thread holds the write guard", "R1");
                writer.releaseAndWait();
            }
            String last = RwLocks.describeTry(l.tryRead(), RwLockReadGuard::close);
            check(last.equals("Ok(guard)"), () -> "tryRead() after the writer left returned " + last + " (R1)");
        });
    }

    /**
     * The guards' Javadoc: get() through a closed read guard, get() and set() through a closed
     * write guard are E0382 (in Rust the dropped guard cannot be named again).
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"R1"})
    void guard_use_after_close() {
        scenario("a guard's close() or use after close blocked (R1)", () -> {
            RwLock<Integer> l = fresh(1);
            RwLockReadGuard<Integer> r = ok(l.read(), "read() on a new lock", "R1");
            r.close();
            Expect.ownershipError(ErrorCode.E0382, "get() on a read guard after its close()", "R1", r::get);
            RwLockWriteGuard<Integer> w = ok(l.write(), "write() after the read guard was closed", "R1");
            w.close();
            Expect.ownershipError(ErrorCode.E0382, "get() on a write guard after its close()", "R1", w::get);
            Expect.ownershipError(ErrorCode.E0382, "set(2) on a write guard after its close()", "R1", () -> w.set(2));
            try (RwLockReadGuard<Integer> again = ok(l.read(), "read() after the write guard was closed", "R1")) {
                Integer v = again.get();
                check(Integer.valueOf(1).equals(v), () -> "set(2) through a closed write guard changed the value to "
                        + Safely.show(v) + ": a closed guard must not reach the value (R1)");
            }
        });
    }

    /**
     * The guards' Javadoc: closing twice gives the lock back once. A read guard closed twice while
     * another reader holds its share must not let a writer in; a write guard closed a second time,
     * after another writer took the lock, must not unlock that writer's hold.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"R1"})
    void close_twice_releases_once() {
        scenario("closing a guard twice blocked (R1)", () -> {
            RwLock<Integer> l = fresh(0);
            try (Holding other = Holding.read(l)) {
                RwLockReadGuard<Integer> mine = ok(l.read(), "read() beside another reader", "R1");
                mine.close();
                mine.close();
                String tried = tryWriteElsewhere(l);
                check(tried.equals("Err(WouldBlock)"), () -> "a read guard was closed twice while another thread still "
                        + "held its own read guard, and then tryWrite() returned " + tried + ": the second close() "
                        + "gave back a share that was not its own, and a writer could get in beside a reader (R1). "
                        + "A second close() must do nothing");
                other.releaseAndWait();
            }
            RwLockWriteGuard<Integer> first = ok(l.write(), "write() on a free lock", "R1");
            first.close();
            try (Holding writer = Holding.write(l, g -> { })) {
                first.close();
                String tried = tryReadElsewhere(l);
                check(tried.equals("Err(WouldBlock)"), () -> "a write guard was closed a second time while another "
                        + "thread held the write lock, and then tryRead() returned " + tried + ": the second close() "
                        + "unlocked the other writer's hold (R1). A second close() must do nothing");
                writer.releaseAndWait();
            }
        });
    }

    /**
     * Rust's {@code test_rw_arc_no_poison_rr} and {@code test_rw_arc_no_poison_rw} (a reader
     * that panics does not poison), and {@code test_rw_arc_access_in_unwind} (a thread that fails
     * outside the lock, and writes through it while it unwinds): a withRead() body that throws,
     * an {@code Error} as well as an exception, propagates as it is, gives its share back and
     * leaves the lock unpoisoned.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"R1"})
    void failing_reader_does_not_poison() {
        scenario("a lock blocked after a withRead() body threw (R1): was the share given back?", () -> {
            RwLock<Integer> l = fresh(0);
            for (Throwable failure : new Throwable[] {new BodyFailed(), new BodyError()}) {
                String kind = failure instanceof Error ? "an Error" : "a RuntimeException";
                Throwable thrown = null;
                try {
                    l.withRead(g -> {
                        g.get();
                        throw sneaky(failure);
                    });
                } catch (Throwable e) {
                    RwLocks.rethrowUnimplemented(e);
                    thrown = e;
                }
                Throwable t = thrown;
                check(t == failure, () -> "a withRead() body threw " + kind + "; withRead() should let it propagate as "
                        + "it is, but " + (t == null ? "returned" : "threw " + Safely.describe(t)) + " (R1)");
                check(!l.isPoisoned(), "a withRead() body threw " + kind + ", and the lock is now poisoned: only a "
                        + "failing writer poisons, a reader cannot have broken the data (R1)");
                String w = tryWriteElsewhere(l);
                check(w.equals("Ok(guard)"), () -> "after a withRead() body threw " + kind + ", tryWrite() returned "
                        + w + ": the share must be given back on every path, and the lock not poisoned (R1)");
            }
            // test_rw_arc_access_in_unwind: the thread fails outside the lock and writes while unwinding
            try {
                try {
                    throw new BodyFailed();
                } finally {
                    l.withWrite(g -> {
                        g.set(g.get() + 1);
                        return null;
                    });
                }
            } catch (BodyFailed expected) {
                // the failure happened outside the lock
            }
            try (RwLockReadGuard<Integer> r = ok(l.read(), "read() after a thread failed outside the lock and wrote "
                    + "while unwinding", "R1")) {
                Integer v = r.get();
                check(Integer.valueOf(1).equals(v), () -> "a withWrite() during unwinding added 1 to 0, but read() "
                        + "then saw " + Safely.show(v) + " (R1)");
            }
        });
    }

    /**
     * Rust's {@code test_rw_arc_poison_wr} and {@code test_rw_arc_poison_ww} (a writer that panics
     * poisons, for readers and writers alike), for an exception and for an {@code Error}: the
     * failure propagates as it is, the lock is released and poisoned, and read(), write(),
     * tryRead() and tryWrite() all hand back the guard inside the poison, with the failed
     * writer's value (X5's meaning of poison data).
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"R1", "X5"})
    void failing_writer_poisons() {
        scenario("a lock blocked after a withWrite() body threw (R1): was it unlocked?", () -> {
            for (Throwable failure : new Throwable[] {new BodyFailed(), new BodyError()}) {
                String kind = failure instanceof Error ? "an Error" : "a RuntimeException";
                RwLock<Integer> l = fresh(0);
                Throwable thrown = null;
                try {
                    l.withWrite(g -> {
                        g.set(1);
                        throw sneaky(failure);
                    });
                } catch (Throwable e) {
                    RwLocks.rethrowUnimplemented(e);
                    thrown = e;
                }
                Throwable t = thrown;
                check(t == failure, () -> "a withWrite() body threw " + kind + "; withWrite() should let it propagate "
                        + "as it is, but " + (t == null ? "returned" : "threw " + Safely.describe(t)) + " (R1)");
                check(l.isPoisoned(), "a withWrite() body threw " + kind + " while holding the lock, but isPoisoned() is "
                        + "false: a writer that fails, with any Throwable, poisons the lock (R1)");
                String w = tryWriteElsewhere(l);
                check(w.equals("Err(Poisoned(guard))"), () -> "after a withWrite() body threw " + kind
                        + ", tryWrite() on another thread returned " + w + ", not Err(Poisoned(guard)): the lock must "
                        + "be unlocked on every path, and poisoned (R1)");
                try (RwLockReadGuard<Integer> r = poisoned(l.read(), "read() after a writer failed", "R1")) {
                    Integer v = r.get();
                    check(Integer.valueOf(1).equals(v), () -> "the failed writer set 1; the guard inside the poison "
                            + "shows " + Safely.show(v) + " (X5: the poison gives back the data as the writer left it)");
                }
                tryPoisoned(l.tryRead(), "tryRead() after a writer failed", "R1").close();
                poisoned(l.write(), "write() after a writer failed", "R1").close();
                tryPoisoned(l.tryWrite(), "tryWrite() after a writer failed", "R1").close();
                check(l.isPoisoned(), "the poison went away by itself after the lock was taken again: it stays until "
                        + "clearPoison() (R1, X5)");
            }
        });
    }

    /**
     * withWrite's Javadoc: on a poisoned lock it panics without running the body and releases the
     * lock again (another thread can then take it); withRead's: on a poisoned lock the body still
     * runs.
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"R1", "X5"})
    void with_write_on_poisoned_lock_panics() {
        scenario("withWrite() on a poisoned lock blocked, or left the lock held (R1)", () -> {
            RwLock<Integer> l = poisonedLock();
            AtomicBoolean ran = new AtomicBoolean();
            RwLocks.expectPanic("withWrite() on a poisoned lock", "R1, X5", () -> l.withWrite(g -> {
                ran.set(true);
                return null;
            }));
            check(!ran.get(), "withWrite() on a poisoned lock ran its body: like write().unwrap() in Rust it must "
                    + "panic before the body runs (R1)");
            String w = tryWriteElsewhere(l);
            check(w.equals("Err(Poisoned(guard))"), () -> "after withWrite() panicked on a poisoned lock, tryWrite() "
                    + "on another thread returned " + w + ", not Err(Poisoned(guard)): the lock must be released "
                    + "again before the panic (R1)");
            Integer seen = l.withRead(g -> g.get());
            check(Integer.valueOf(1).equals(seen), () -> "withRead(g -> g.get()) on a poisoned lock returned "
                    + Safely.show(seen) + ", not the failed writer's 1: on a poisoned lock a reader still looks (R1)");
        });
    }

    /**
     * Rust's {@code test_clear_poison}: a poisoned lock, once cleared, says it is not poisoned,
     * and read() and write() return Ok again.
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"R1", "X5"})
    void clear_poison() {
        scenario("read() or write() after clearPoison() blocked (R1)", () -> {
            RwLock<Integer> l = poisonedLock();
            l.clearPoison();
            check(!l.isPoisoned(), "after clearPoison(), isPoisoned() is still true (R1)");
            ok(l.read(), "read() after clearPoison()", "R1").close();
            ok(l.write(), "write() after clearPoison()", "R1").close();
        });
    }

    /**
     * The class Javadoc: a thread interrupted while it waits keeps waiting (a reader behind a
     * writer, a writer behind a reader), never gets in early, and finds its interrupt flag set
     * again once it holds the lock.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"R1"})
    void waiter_keeps_waiting_when_interrupted() {
        scenario("an interrupted waiter blocked after the lock was released (R1)", () -> {
            RwLock<Integer> l = fresh(0);
            interruptedWaiter("read()", Holding.write(l, g -> { }), () -> {
                try (RwLockReadGuard<Integer> g = RwLocks.either(l.read())) {
                    return "Ok";
                }
            });
            interruptedWaiter("write()", Holding.read(l), () -> {
                try (RwLockWriteGuard<Integer> g = RwLocks.either(l.write())) {
                    return "Ok";
                }
            });
        });
    }

    private static void interruptedWaiter(String call, Holding holder, java.util.concurrent.Callable<String> body)
            throws InterruptedException {
        WatchedCall<String> waiter = WatchedCall.start("waiter", body);
        try {
            waiter.awaitWaiting();
            waiter.thread().interrupt();
            check(!waiter.returnedWithin(WATCH.toMillis()), () -> {
                waiter.requireNoFailure("a waiting " + call + " that was interrupted", "R1");
                return "a thread waiting in " + call + " was interrupted and returned while the lock was still held "
                        + "against it: it must keep waiting, as Rust's lock does (R1). Catch the InterruptedException, "
                        + "remember it, and wait again";
            });
            holder.releaseAndWait();
            check(waiter.awaitDone(RwLocks.SHORT), "the interrupted " + call + " did not get the lock within 2 s once "
                    + "it was released (R1)");
            waiter.requireNoFailure("an interrupted " + call, "R1");
            check(waiter.interruptedAtEnd(), "a thread interrupted while it waited in " + call + " had its interrupt "
                    + "flag clear when it got the lock: the interrupt was swallowed. Set it again "
                    + "(Thread.currentThread().interrupt()) once the lock is held (R1)");
        } finally {
            holder.close();
            waiter.abandon();
        }
    }

    /** A lock a failed withWrite() body poisoned after setting 1. */
    private static RwLock<Integer> poisonedLock() {
        RwLock<Integer> l = fresh(0);
        try {
            l.withWrite(g -> {
                g.set(1);
                throw new BodyFailed();
            });
        } catch (BodyFailed expected) {
            // the failure poisons the lock
        }
        check(l.isPoisoned(), "a withWrite() body threw while holding the lock, but isPoisoned() is false (R1)");
        return l;
    }

    /** Throws any Throwable from a lambda typed to return a value. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
