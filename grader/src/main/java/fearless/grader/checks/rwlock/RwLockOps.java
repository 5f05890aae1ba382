package fearless.grader.checks.rwlock;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import fearless.api.ErrorCode;
import fearless.api.Panic;
import fearless.api.Result;
import fearless.api.Unimplemented;
import fearless.api.mutex.PoisonError;
import fearless.api.mutex.TryLockError;
import fearless.api.sync.RwLockReadGuard;
import fearless.api.sync.RwLockWriteGuard;
import fearless.grader.check.property.Op;
import fearless.grader.check.property.Outcome;
import fearless.grader.checks.rwlock.RwLockModel.Held;
import java.util.List;
import java.util.concurrent.Callable;
import org.quicktheories.core.Gen;

/**
 * The single-threaded operations of the rw-lock property, each run on the real lock and on
 * {@link RwLockModel}: read, write, tryRead, tryWrite, close (once and again), get and set through
 * the guard, get through a closed guard, withRead and withWrite that return, throw an exception
 * or throw an Error, clearPoison, isPoisoned. This thread never locks again while it holds a guard
 * (the api leaves that unspecified).
 */
final class RwLockOps {

    private RwLockOps() {
    }

    /** Random sequences of 1 to 24 operations. */
    static Gen<List<Op<RwLockModel.Real, RwLockModel>>> sequences() {
        Gen<Op<RwLockModel.Real, RwLockModel>> op = integers().between(0, 16).zip(integers().between(0, 3),
                RwLockOps::op);
        return lists().of(op).ofSizeBetween(1, 24);
    }

    private static Op<RwLockModel.Real, RwLockModel> op(int kind, int value) {
        return switch (kind) {
            case 0 -> new Lock(false, false);
            case 1 -> new Lock(true, false);
            case 2 -> new Lock(false, true);
            case 3 -> new Lock(true, true);
            case 4, 5 -> new Close();
            case 6 -> new CloseAgain();
            case 7 -> new Get();
            case 8 -> new Set(value);
            case 9 -> new GetAfterClose();
            case 10 -> new WithRead(value % 3);
            case 11 -> new WithWrite(value, 0);
            case 12 -> new WithWrite(value, 1 + value % 2);
            case 13 -> new ClearPoison();
            case 14 -> new WithWrite(value, 1);
            default -> new IsPoisoned();
        };
    }

    /** Makes the call: a Panic counts as "Panic", anything else thrown as its class; a stub's Unimplemented fails. */
    private static Outcome call(Callable<?> call) {
        try {
            return Outcome.returned(call.call());
        } catch (Unimplemented e) {
            throw e;
        } catch (Panic e) {
            return Outcome.threw(Panic.class);
        } catch (Throwable e) {
            return Outcome.threw(e);
        }
    }

    /** What a body throws: nothing (0), an exception (1) or an Error (2). */
    private static RuntimeException failure(int kind) {
        if (kind == 2) {
            throw new BodyError();
        }
        return new IllegalStateException("the body failed");
    }

    private static String failureText(int kind) {
        return kind == 2 ? "throw new BodyError()" : "throw new IllegalStateException()";
    }

    private static Class<? extends Throwable> failureClass(int kind) {
        return kind == 2 ? BodyError.class : IllegalStateException.class;
    }

    /** An Error a body throws on purpose. */
    static final class BodyError extends Error {
        private static final long serialVersionUID = 1L;
    }

    /** read(), write(), tryRead() or tryWrite(), with no guard held by this thread. */
    record Lock(boolean write, boolean attempt) implements Op<RwLockModel.Real, RwLockModel> {
        @Override
        public boolean enabledIn(RwLockModel m) {
            return m.held == Held.NONE;
        }

        @Override
        public String describe(RwLockModel m) {
            return "g = l." + (attempt ? "try" : "") + (write ? (attempt ? "Write" : "write") : (attempt ? "Read" : "read"))
                    + "()";
        }

        @Override
        public Outcome expect(RwLockModel m) {
            m.held = write ? Held.WRITE : Held.READ;
            if (!m.poisoned) {
                return Outcome.returned("Ok(guard)").because("R1");
            }
            return Outcome.returned(attempt ? "Err(Poisoned(guard))" : "Err(PoisonError(guard))").because("R1");
        }

        @Override
        public Outcome run(RwLockModel.Real s) {
            return call(() -> {
                if (attempt) {
                    Result<?, ? extends TryLockError<?>> r = write ? s.lock.tryWrite() : s.lock.tryRead();
                    Object guard;
                    String shown;
                    if (r.isOk()) {
                        guard = r.unwrap();
                        shown = "Ok(guard)";
                    } else if (r.unwrapErr() instanceof TryLockError.Poisoned<?> p) {
                        guard = p.error().intoInner();
                        shown = "Err(Poisoned(guard))";
                    } else {
                        return "Err(WouldBlock)";
                    }
                    keep(s, guard);
                    return shown;
                }
                Result<?, ? extends PoisonError<?>> r = write ? s.lock.write() : s.lock.read();
                keep(s, r.isOk() ? r.unwrap() : r.unwrapErr().intoInner());
                return r.isOk() ? "Ok(guard)" : "Err(PoisonError(guard))";
            });
        }

        @SuppressWarnings("unchecked")
        private void keep(RwLockModel.Real s, Object guard) {
            if (write) {
                s.write = (RwLockWriteGuard<Integer>) guard;
            } else {
                s.read = (RwLockReadGuard<Integer>) guard;
            }
        }
    }

    record Close() implements Op<RwLockModel.Real, RwLockModel> {
        @Override
        public boolean enabledIn(RwLockModel m) {
            return m.held != Held.NONE;
        }

        @Override
        public String describe(RwLockModel m) {
            return "g.close()";
        }

        @Override
        public Outcome expect(RwLockModel m) {
            m.closed = m.held;
            m.held = Held.NONE;
            return Outcome.returned("done");
        }

        @Override
        public Outcome run(RwLockModel.Real s) {
            return call(() -> {
                AutoCloseable g = s.read != null ? s.read : s.write;
                s.read = null;
                s.write = null;
                s.closed = g;
                g.close();
                return "done";
            });
        }
    }

    /** Closes the guard closed last once more: it must do nothing. */
    record CloseAgain() implements Op<RwLockModel.Real, RwLockModel> {
        @Override
        public boolean enabledIn(RwLockModel m) {
            return m.closed != Held.NONE;
        }

        @Override
        public String describe(RwLockModel m) {
            return "old.close()  // old: the guard closed last, closed again";
        }

        @Override
        public Outcome expect(RwLockModel m) {
            return Outcome.returned("done").because("R1");
        }

        @Override
        public Outcome run(RwLockModel.Real s) {
            return call(() -> {
                s.closed.close();
                return "done";
            });
        }
    }

    record Get() implements Op<RwLockModel.Real, RwLockModel> {
        @Override
        public boolean enabledIn(RwLockModel m) {
            return m.held != Held.NONE;
        }

        @Override
        public String describe(RwLockModel m) {
            return "g.get()";
        }

        @Override
        public Outcome expect(RwLockModel m) {
            return Outcome.returned(m.value).because("R1");
        }

        @Override
        public Outcome run(RwLockModel.Real s) {
            return call(() -> s.read != null ? s.read.get() : s.write.get());
        }
    }

    record Set(int value) implements Op<RwLockModel.Real, RwLockModel> {
        @Override
        public boolean enabledIn(RwLockModel m) {
            return m.held == Held.WRITE;
        }

        @Override
        public String describe(RwLockModel m) {
            return "g.set(" + value + ")";
        }

        @Override
        public Outcome expect(RwLockModel m) {
            m.value = value;
            return Outcome.returned("done");
        }

        @Override
        public Outcome run(RwLockModel.Real s) {
            return call(() -> {
                s.write.set(value);
                return "done";
            });
        }
    }

    record GetAfterClose() implements Op<RwLockModel.Real, RwLockModel> {
        @Override
        public boolean enabledIn(RwLockModel m) {
            return m.closed != Held.NONE;
        }

        @Override
        public String describe(RwLockModel m) {
            return "old.get()  // old: the guard closed last";
        }

        @Override
        public Outcome expect(RwLockModel m) {
            return Outcome.error(ErrorCode.E0382).because("R1");
        }

        @Override
        public Outcome run(RwLockModel.Real s) {
            return call(() -> s.closed instanceof RwLockReadGuard<?> r ? r.get() : ((RwLockWriteGuard<?>) s.closed).get());
        }
    }

    /** withRead whose body returns the value (0), throws an exception (1) or an Error (2). */
    record WithRead(int fails) implements Op<RwLockModel.Real, RwLockModel> {
        @Override
        public boolean enabledIn(RwLockModel m) {
            return m.held == Held.NONE;
        }

        @Override
        public String describe(RwLockModel m) {
            return "l.withRead(g -> " + (fails == 0 ? "g.get()" : "{ g.get(); " + failureText(fails) + "; }") + ")";
        }

        @Override
        public Outcome expect(RwLockModel m) {
            return fails == 0 ? Outcome.returned(m.value).because("R1") : Outcome.threw(failureClass(fails)).because("R1");
        }

        @Override
        public Outcome run(RwLockModel.Real s) {
            return call(() -> s.lock.withRead(g -> {
                Integer v = g.get();
                if (fails != 0) {
                    throw failure(fails);
                }
                return v;
            }));
        }
    }

    /** withWrite whose body sets a value and returns the old one (0), or sets it and throws (1, 2). */
    record WithWrite(int value, int fails) implements Op<RwLockModel.Real, RwLockModel> {
        @Override
        public boolean enabledIn(RwLockModel m) {
            return m.held == Held.NONE;
        }

        @Override
        public String describe(RwLockModel m) {
            return "l.withWrite(g -> { int old = g.get(); g.set(" + value + "); "
                    + (fails == 0 ? "return old;" : failureText(fails) + ";") + " })";
        }

        @Override
        public Outcome expect(RwLockModel m) {
            if (m.poisoned) {
                return Outcome.threw(Panic.class).because("R1");
            }
            int old = m.value;
            m.value = value;
            if (fails == 0) {
                return Outcome.returned(old).because("R1");
            }
            m.poisoned = true;
            return Outcome.threw(failureClass(fails)).because("R1");
        }

        @Override
        public Outcome run(RwLockModel.Real s) {
            return call(() -> s.lock.withWrite(g -> {
                Integer old = g.get();
                g.set(value);
                if (fails != 0) {
                    throw failure(fails);
                }
                return old;
            }));
        }
    }

    record ClearPoison() implements Op<RwLockModel.Real, RwLockModel> {
        @Override
        public String describe(RwLockModel m) {
            return "l.clearPoison()";
        }

        @Override
        public Outcome expect(RwLockModel m) {
            m.poisoned = false;
            return Outcome.returned("done");
        }

        @Override
        public Outcome run(RwLockModel.Real s) {
            return call(() -> {
                s.lock.clearPoison();
                return "done";
            });
        }
    }

    record IsPoisoned() implements Op<RwLockModel.Real, RwLockModel> {
        @Override
        public String describe(RwLockModel m) {
            return "l.isPoisoned()";
        }

        @Override
        public Outcome expect(RwLockModel m) {
            return Outcome.returned(m.poisoned).because("R1");
        }

        @Override
        public Outcome run(RwLockModel.Real s) {
            return call(s.lock::isPoisoned);
        }
    }
}
