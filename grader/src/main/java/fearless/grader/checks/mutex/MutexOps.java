package fearless.grader.checks.mutex;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import fearless.api.Panic;
import fearless.api.Result;
import fearless.api.Unimplemented;
import fearless.api.mutex.MutexGuard;
import fearless.api.mutex.PoisonError;
import fearless.api.mutex.TryLockError;
import fearless.grader.check.property.Op;
import fearless.grader.check.property.Outcome;
import fearless.api.ErrorCode;
import java.util.List;
import java.util.concurrent.Callable;
import org.quicktheories.core.Gen;

/**
 * The single-threaded operations of the mutex property, each run on the real mutex and on
 * {@link MutexModel}: lock, tryLock, close, get/set through the guard, get through a closed guard,
 * withLock that sets a value or throws, clearPoison, isPoisoned.
 */
final class MutexOps {

    private MutexOps() {
    }

    /** Random sequences of 1 to 20 operations. */
    static Gen<List<Op<MutexModel.Real, MutexModel>>> sequences() {
        Gen<Op<MutexModel.Real, MutexModel>> op = integers().between(0, 11).zip(integers().between(0, 3), MutexOps::op);
        return lists().of(op).ofSizeBetween(1, 20);
    }

    private static Op<MutexModel.Real, MutexModel> op(int kind, int value) {
        return switch (kind) {
            case 0, 1 -> new Lock();
            case 2 -> new TryLock();
            case 3, 4 -> new Close();
            case 5 -> new Get();
            case 6 -> new Set(value);
            case 7 -> new GetAfterClose();
            case 8 -> new WithLockSet(value);
            case 9 -> new WithLockThrow(value);
            case 10 -> new ClearPoison();
            default -> new IsPoisoned();
        };
    }

    /** Makes the call; a Panic of any kind counts as "Panic", a stub's Unimplemented fails the check. */
    private static Outcome call(Callable<?> call) throws Exception {
        try {
            return Outcome.returned(call.call());
        } catch (Unimplemented e) {
            throw e;
        } catch (Panic e) {
            return Outcome.threw(Panic.class);
        }
    }

    /** What the re-entrant or poisoned withLock must do, or null if the body runs. */
    private static Outcome refusedWithLock(MutexModel m) {
        if (m.locked) {
            return Outcome.threw(Panic.class).because("X7");
        }
        if (m.poisoned) {
            return Outcome.threw(Panic.class).because("X5");
        }
        return null;
    }

    record Lock() implements Op<MutexModel.Real, MutexModel> {
        @Override
        public String describe(MutexModel m) {
            return m.locked ? "m.lock()  // this thread already holds the lock" : "g = m.lock()";
        }

        @Override
        public Outcome expect(MutexModel m) {
            if (m.locked) {
                return Outcome.threw(Panic.class).because("X7");
            }
            m.locked = true;
            return Outcome.returned(m.poisoned ? "Err(PoisonError(guard))" : "Ok(guard)").because(m.poisoned ? "X5" : "X1");
        }

        @Override
        public Outcome run(MutexModel.Real s) throws Exception {
            return call(() -> {
                Result<MutexGuard<Integer>, PoisonError<MutexGuard<Integer>>> r = s.mutex.lock();
                if (r instanceof Result.Ok<MutexGuard<Integer>, PoisonError<MutexGuard<Integer>>> ok) {
                    s.guard = ok.value();
                    return "Ok(guard)";
                }
                s.guard = r.unwrapErr().intoInner();
                return "Err(PoisonError(guard))";
            });
        }
    }

    record TryLock() implements Op<MutexModel.Real, MutexModel> {
        @Override
        public String describe(MutexModel m) {
            return m.locked ? "m.tryLock()  // this thread already holds the lock" : "g = m.tryLock()";
        }

        @Override
        public Outcome expect(MutexModel m) {
            if (m.locked) {
                return Outcome.returned("Err(WouldBlock)").because("X3");
            }
            m.locked = true;
            return Outcome.returned(m.poisoned ? "Err(Poisoned(guard))" : "Ok(guard)").because("X3");
        }

        @Override
        public Outcome run(MutexModel.Real s) throws Exception {
            return call(() -> {
                Result<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> r = s.mutex.tryLock();
                if (r instanceof Result.Ok<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> ok) {
                    s.guard = ok.value();
                    return "Ok(guard)";
                }
                TryLockError<MutexGuard<Integer>> e = r.unwrapErr();
                if (e instanceof TryLockError.Poisoned<MutexGuard<Integer>> p) {
                    s.guard = p.error().intoInner();
                    return "Err(Poisoned(guard))";
                }
                return "Err(WouldBlock)";
            });
        }
    }

    record Close() implements Op<MutexModel.Real, MutexModel> {
        @Override
        public boolean enabledIn(MutexModel m) {
            return m.locked;
        }

        @Override
        public String describe(MutexModel m) {
            return "g.close()";
        }

        @Override
        public Outcome expect(MutexModel m) {
            m.locked = false;
            m.closedGuard = true;
            return Outcome.done();
        }

        @Override
        public Outcome run(MutexModel.Real s) throws Exception {
            MutexGuard<Integer> g = s.guard;
            s.guard = null;
            s.closed = g;
            g.close();
            return Outcome.done();
        }
    }

    record Get() implements Op<MutexModel.Real, MutexModel> {
        @Override
        public boolean enabledIn(MutexModel m) {
            return m.locked;
        }

        @Override
        public String describe(MutexModel m) {
            return "g.get()";
        }

        @Override
        public Outcome expect(MutexModel m) {
            return Outcome.returned(m.value).because("X1");
        }

        @Override
        public Outcome run(MutexModel.Real s) throws Exception {
            return call(s.guard::get);
        }
    }

    record Set(int value) implements Op<MutexModel.Real, MutexModel> {
        @Override
        public boolean enabledIn(MutexModel m) {
            return m.locked;
        }

        @Override
        public String describe(MutexModel m) {
            return "g.set(" + value + ")";
        }

        @Override
        public Outcome expect(MutexModel m) {
            m.value = value;
            return Outcome.done();
        }

        @Override
        public Outcome run(MutexModel.Real s) {
            return Outcome.ofRun(() -> s.guard.set(value));
        }
    }

    record GetAfterClose() implements Op<MutexModel.Real, MutexModel> {
        @Override
        public boolean enabledIn(MutexModel m) {
            return m.closedGuard;
        }

        @Override
        public String describe(MutexModel m) {
            return "old.get()  // old: the guard closed last";
        }

        @Override
        public Outcome expect(MutexModel m) {
            return Outcome.error(ErrorCode.E0382).because("X1");
        }

        @Override
        public Outcome run(MutexModel.Real s) throws Exception {
            return call(s.closed::get);
        }
    }

    record WithLockSet(int value) implements Op<MutexModel.Real, MutexModel> {
        @Override
        public String describe(MutexModel m) {
            return "m.withLock(g -> { int old = g.get(); g.set(" + value + "); return old; })";
        }

        @Override
        public Outcome expect(MutexModel m) {
            Outcome refused = refusedWithLock(m);
            if (refused != null) {
                return refused;
            }
            int old = m.value;
            m.value = value;
            return Outcome.returned(old).because("X4");
        }

        @Override
        public Outcome run(MutexModel.Real s) throws Exception {
            return call(() -> s.mutex.withLock(g -> {
                Integer old = g.get();
                g.set(value);
                return old;
            }));
        }
    }

    record WithLockThrow(int value) implements Op<MutexModel.Real, MutexModel> {
        @Override
        public String describe(MutexModel m) {
            return "m.withLock(g -> { g.set(" + value + "); throw new IllegalStateException(); })";
        }

        @Override
        public Outcome expect(MutexModel m) {
            Outcome refused = refusedWithLock(m);
            if (refused != null) {
                return refused;
            }
            m.value = value;
            m.poisoned = true;
            return Outcome.threw(IllegalStateException.class).because("X4");
        }

        @Override
        public Outcome run(MutexModel.Real s) throws Exception {
            return call(() -> s.mutex.withLock(g -> {
                g.set(value);
                throw new IllegalStateException("the body failed");
            }));
        }
    }

    record ClearPoison() implements Op<MutexModel.Real, MutexModel> {
        @Override
        public String describe(MutexModel m) {
            return "m.clearPoison()";
        }

        @Override
        public Outcome expect(MutexModel m) {
            m.poisoned = false;
            return Outcome.done();
        }

        @Override
        public Outcome run(MutexModel.Real s) {
            return Outcome.ofRun(s.mutex::clearPoison);
        }
    }

    record IsPoisoned() implements Op<MutexModel.Real, MutexModel> {
        @Override
        public String describe(MutexModel m) {
            return "m.isPoisoned()";
        }

        @Override
        public Outcome expect(MutexModel m) {
            return Outcome.returned(m.poisoned).because("X5");
        }

        @Override
        public Outcome run(MutexModel.Real s) throws Exception {
            return call(s.mutex::isPoisoned);
        }
    }
}
