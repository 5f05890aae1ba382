package fearless.grader.checks.scoped;

import static fearless.grader.checks.scoped.Scoped.check;
import static fearless.grader.checks.scoped.Scoped.scenario;
import static fearless.grader.checks.scoped.Scoped.scopes;

import fearless.grader.check.Expect;
import fearless.api.ErrorCode;
import fearless.api.Panic;
import fearless.api.Result;
import fearless.api.thread.Scope;
import fearless.api.thread.ScopedJoinHandle;
import fearless.api.thread.Scopes;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Safely;
import fearless.grader.check.race.ThreadLeaks;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opentest4j.AssertionFailedError;

/**
 * Example-based checks of {@code thread::scope}, many after Rust's own ({@code library/std/src/thread/scoped.rs}
 * and its tests). The threads whose end matters are held until the caller is seen waiting in
 * {@code scope()} ({@link CallerWaits}), so a scope that returns too early is caught every run.
 */
@Exercise("scoped-threads")
class ScopedBehaviourChecks {

    /** A failure of a scoped thread's body. */
    static final class Boom extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Boom(String message) {
            super(message);
        }
    }

    /** A failure of the scope's body itself. */
    static final class BodyFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BodyFailure() {
            super("the body failed");
        }
    }

    /** An {@code Error}, not an exception: a thread that ran out of stack ends with one. */
    static final class Fatal extends Error {
        private static final long serialVersionUID = 1L;

        Fatal() {
            super("fatal: an Error, not an exception");
        }
    }

    /**
     * The body spawns two threads and returns at once; the scope returns the body's result only
     * after both threads did their work (T6), and it does not wait for the threads before running
     * the body's next line (T1).
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T6", "T1"})
    void scope_joins_all_threads() {
        scenario("scope() with two short threads did not return (T6)", () -> {
            Scopes scopes = scopes();
            CallerWaits waits = new CallerWaits();
            AtomicBoolean bodyReturned = new AtomicBoolean();
            boolean[] done = new boolean[2];
            String got;
            try {
                got = scopes.scope(s -> {
                    for (int i = 0; i < 2; i++) {
                        int slot = i;
                        s.spawn(() -> {
                            if (waits.pass(bodyReturned::get)) {
                                done[slot] = true;
                            }
                            return null;
                        });
                    }
                    bodyReturned.set(true);
                    return "the body's result";
                });
            } catch (RuntimeException e) {
                throw Expect.unexpected("scope() whose body spawns two threads and returns", "return the body's result", e);
            } finally {
                waits.scopeReturned();
            }
            check(done[0] && done[1], "scope() returned while a thread spawned in it had not ended: a scope joins every "
                    + "thread spawned in it before it returns (T6); the body returned at once, and the threads ended "
                    + "only after that, while scope() should have been waiting for them");
            check("the body's result".equals(got), "scope() should return what its body returned (\"the body's result\") "
                    + "(T6), but returned " + Safely.show(got));
        });
    }

    /**
     * After Rust's {@code test_scoped_threads_drop_result_before_join}: a scoped thread spawns
     * another through the scope, after the body has returned and the scope is already waiting; the
     * scope waits for that one too (T6).
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T6"})
    void nested_spawns_are_joined() {
        scenario("scope() with a nested spawn did not return (T6)", () -> {
            Scopes scopes = scopes();
            CallerWaits waits = new CallerWaits();
            AtomicBoolean bodyReturned = new AtomicBoolean();
            boolean[] innerDone = new boolean[1];
            try {
                scopes.scope(s -> {
                    s.spawn(() -> {
                        Thread outer = Thread.currentThread();
                        if (waits.pass(bodyReturned::get)) {
                            s.spawn(() -> {
                                if (waits.passAfterEnd(outer)) {
                                    innerDone[0] = true;
                                }
                                return null;
                            });
                        }
                        return null;
                    });
                    bodyReturned.set(true);
                    return null;
                });
            } catch (RuntimeException e) {
                throw Expect.unexpected("scope() with a nested spawn", "return", e);
            } finally {
                waits.scopeReturned();
            }
            check(innerDone[0], "scope() returned while a thread spawned by a scoped thread was still running (T6): a "
                    + "scoped thread spawned it while scope() was already waiting, so the scope must wait for threads "
                    + "added during its wait too, not only for those it knew of when the body returned");
        });
    }

    /**
     * A scoped thread panics and nobody joins it: the scope throws {@code Panic("a scoped thread
     * panicked")}, once every thread has ended (T6), as Rust's scope does.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T6", "T2"})
    void unjoined_panic_panics_the_scope() {
        scenario("scope() with a panicking thread did not return (T6)", () -> {
            Scopes scopes = scopes();
            CallerWaits waits = new CallerWaits();
            AtomicBoolean bodyReturned = new AtomicBoolean();
            AtomicBoolean panicked = new AtomicBoolean();
            boolean[] otherDone = new boolean[1];
            Throwable thrown = null;
            try {
                scopes.scope(s -> {
                    s.spawn(() -> {
                        waits.pass(bodyReturned::get);
                        panicked.set(true);
                        throw new Boom("boom: a scoped thread failed");
                    });
                    s.spawn(() -> {
                        if (waits.pass(panicked::get)) {
                            otherDone[0] = true;
                        }
                        return null;
                    });
                    bodyReturned.set(true);
                    return "no panic";
                });
            } catch (RuntimeException | Error e) {
                thrown = e;
            } finally {
                waits.scopeReturned();
            }
            Scoped.rethrowUnimplemented(thrown);
            if (!(thrown instanceof Panic panic) || thrown instanceof fearless.api.Unimplemented) {
                throw new AssertionFailedError("a scoped thread threw and nobody joined it, so scope() should throw "
                        + "Panic(\"a scoped thread panicked\") (T6), but "
                        + (thrown == null ? "it returned normally" : "it threw " + Safely.describe(thrown)), thrown);
            }
            check("a scoped thread panicked".equals(Safely.message(panic)), "scope() should throw a Panic with the "
                    + "message \"a scoped thread panicked\" (T6), but its message is " + Safely.show(Safely.message(panic)));
            check(otherDone[0], "scope() threw its panic while another scoped thread was still running: it must wait for "
                    + "every thread first, then panic (T6)");
        });
    }

    /**
     * A scoped thread panics and the body joins it by hand: join gives {@code Err(payload)} (the
     * Panic's payload, or any other throwable itself), and the scope returns normally (T2, T6).
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T2", "T6"})
    void joined_panic_is_a_value() {
        scenario("scope() with a thread joined by hand did not return (T2)", () -> {
            Scopes scopes = scopes();
            Object payload = new Object() {
                @Override
                public String toString() {
                    return "the panic's payload";
                }
            };
            Boom boom = new Boom("boom: not a Panic");
            List<Result<Object, Object>> joined = new ArrayList<>();
            Object got;
            try {
                got = scopes.scope(s -> {
                    ScopedJoinHandle<Object> panics = s.spawn(() -> {
                        throw new Panic("a panic with a payload", payload);
                    });
                    joined.add(panics.join());
                    ScopedJoinHandle<Object> throwsBoom = s.spawn(() -> {
                        throw boom;
                    });
                    joined.add(throwsBoom.join());
                    return "the body's result";
                });
            } catch (RuntimeException e) {
                throw Expect.unexpected("scope() whose body joined its two failed threads by hand",
                        "return the body's result: a thread joined by hand no longer makes the scope panic (T6)", e);
            }
            check(joined.get(0) instanceof Result.Err<Object, Object> err && err.error() == payload,
                    "join() of a thread that threw new Panic(\"...\", payload) should return Err(payload) (T2), but "
                            + "returned " + Safely.show(joined.get(0)));
            check(joined.get(1) instanceof Result.Err<Object, Object> err && err.error() == boom,
                    "join() of a thread that threw a RuntimeException (not a Panic) should return Err(that very "
                            + "exception) (T2), but returned " + Safely.show(joined.get(1)));
            check("the body's result".equals(got), "scope() should return its body's result (T6), but returned "
                    + Safely.show(got));
        });
    }

    /**
     * The body throws: the scope still waits for every thread, then throws what the body threw, as
     * it is; the body's throwable wins over a thread's panic, as in Rust (T6).
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T6"})
    void body_failure_rethrown_after_join() {
        scenario("scope() whose body threw did not return (T6)", () -> {
            Scopes scopes = scopes();
            CallerWaits waits = new CallerWaits();
            AtomicBoolean bodyEnded = new AtomicBoolean();
            boolean[] done = new boolean[1];
            BodyFailure failure = new BodyFailure();
            Throwable thrown = null;
            try {
                scopes.scope(s -> {
                    s.spawn(() -> {
                        if (waits.pass(bodyEnded::get)) {
                            done[0] = true;
                        }
                        return null;
                    });
                    bodyEnded.set(true);
                    throw failure;
                });
            } catch (RuntimeException | Error e) {
                thrown = e;
            } finally {
                waits.scopeReturned();
            }
            Scoped.rethrowUnimplemented(thrown);
            check(done[0], "scope() let its body's exception out while a scoped thread was still running: it must wait "
                    + "for every thread first, even when the body throws, then throw what the body threw (T6)");
            check(thrown == failure, "scope() whose body threw a BodyFailure should throw that very BodyFailure (T6), but "
                    + (thrown == null ? "it returned normally" : "it threw " + Safely.describe(thrown)));
            Throwable both = null;
            BodyFailure second = new BodyFailure();
            try {
                scopes.scope(s -> {
                    s.spawn(() -> {
                        throw new Boom("boom: an unjoined thread failed");
                    }).isFinished();
                    throw second;
                });
            } catch (RuntimeException | Error e) {
                both = e;
            }
            check(both == second, "the body threw and an unjoined scoped thread panicked: scope() should throw the body's "
                    + "own exception, which comes first, as Rust's scope resumes the body's panic (T6), but "
                    + (both == null ? "it returned normally" : "it threw " + Safely.describe(both)));
        });
    }

    /**
     * After the example of Rust's {@code thread::scope} documentation: scoped threads read and
     * write the caller's locals (plain array slots, no volatile, no lock), and everything they
     * wrote is visible when {@code scope()} returns (T6: the scope's join orders it).
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"T6"})
    void threads_borrow_the_callers_locals() {
        scenario("scope() with threads writing the caller's locals did not return (T6)", () -> {
            Scopes scopes = scopes();
            CallerWaits waits = new CallerWaits();
            AtomicBoolean bodyReturned = new AtomicBoolean();
            List<Integer> a = new ArrayList<>(List.of(1, 2, 3));
            int[] x = new int[1];
            int[] squares = new int[16];
            try {
                scopes.scope(s -> {
                    s.spawn(() -> a.size());
                    s.spawn(() -> {
                        if (waits.pass(bodyReturned::get)) {
                            x[0] += a.get(0) + a.get(2);
                        }
                        return null;
                    });
                    for (int i = 0; i < squares.length; i++) {
                        int slot = i;
                        s.spawn(() -> squares[slot] = slot * slot);
                    }
                    bodyReturned.set(true);
                    return null;
                });
            } catch (RuntimeException e) {
                throw Expect.unexpected("scope() whose threads write the caller's locals", "return", e);
            } finally {
                waits.scopeReturned();
            }
            a.add(4);
            check(x[0] == a.size(), "after scope(), x should be 4, written by a scoped thread (x += a[0] + a[2]), but it "
                    + "is " + x[0] + ": scope() returned before that thread's write (T6)");
            for (int i = 0; i < squares.length; i++) {
                check(squares[i] == i * i, "after scope(), squares[" + i + "] should be " + i * i + ", written by a "
                        + "scoped thread, but it is " + squares[i] + ": everything scoped threads did must be visible "
                        + "when scope() returns (T6)");
            }
        });
    }

    /**
     * A {@code Scope} that escaped its {@code scope()} call is a dangling borrow: spawning on it is
     * E0597, and no thread starts (T6).
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"T6"})
    void spawn_after_scope_ended_is_e0597() {
        scenario("spawn() on an ended scope did not return (T6)", () -> {
            Scopes scopes = scopes();
            Scope escaped;
            try {
                escaped = scopes.scope(s -> s);
            } catch (RuntimeException e) {
                throw Expect.unexpected("scope(s -> s)", "return the scope", e);
            }
            CountDownLatch release = new CountDownLatch(1);
            AtomicBoolean ran = new AtomicBoolean();
            ThreadLeaks threads = ThreadLeaks.snapshot();
            try {
                Expect.ownershipError(ErrorCode.E0597, "spawn() on a Scope after its scope() call returned", "T6",
                        () -> escaped.spawn(() -> {
                            ran.set(true);
                            try {
                                return release.await(5, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                return false;
                            }
                        }));
                check(threads.startedSince().isEmpty() && !ran.get(), "spawn() on a Scope after its scope() call "
                        + "returned failed with E0597 but started a thread anyway: it must start nothing, since nobody "
                        + "would wait for it (T6)");
            } finally {
                release.countDown();
            }
        });
    }

    /** Joining consumes the handle: a second {@code join()} and {@code isFinished()} after a join are E0382 (T2). */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"T2"})
    void join_consumes_the_handle() {
        scenario("join() on a scoped thread did not return (T2)", () -> {
            Scopes scopes = scopes();
            List<Result<Integer, Object>> first = new ArrayList<>();
            try {
                scopes.scope(s -> {
                    ScopedJoinHandle<Integer> h = s.spawn(() -> 42);
                    first.add(h.join());
                    Expect.ownershipError(ErrorCode.E0382, "a second join() on the same ScopedJoinHandle", "T2", h::join);
                    Expect.ownershipError(ErrorCode.E0382, "isFinished() after join()", "T2", h::isFinished);
                    return null;
                });
            } catch (AssertionError e) {
                throw e;
            } catch (RuntimeException e) {
                throw Expect.unexpected("scope() whose body joins one thread", "return", e);
            }
            check(first.get(0) instanceof Result.Ok<Integer, Object> ok && Integer.valueOf(42).equals(ok.value()),
                    "join() of a thread that returned 42 should return Ok(42) (T2), but returned "
                            + Safely.show(first.get(0)));
        });
    }

    /**
     * Rust's {@code is_finished}: false while the thread runs, without blocking; true once its body
     * has ended (T2, T6).
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"T2", "T6"})
    void is_finished() {
        scenario("isFinished() on a running scoped thread did not return: it must never block (T2)", () -> {
            Scopes scopes = scopes();
            CountDownLatch release = new CountDownLatch(1);
            boolean[] seen = new boolean[2];
            try {
                scopes.scope(s -> {
                    ScopedJoinHandle<Boolean> h = s.spawn(() -> {
                        try {
                            return release.await(2, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            return false;
                        }
                    });
                    try {
                        seen[0] = h.isFinished();
                    } finally {
                        release.countDown();
                    }
                    long end = System.nanoTime() + 3_000_000_000L;
                    while (!h.isFinished() && System.nanoTime() < end) {
                        CallerWaits.pause();
                    }
                    seen[1] = h.isFinished();
                    h.join();
                    return null;
                });
            } catch (RuntimeException e) {
                throw Expect.unexpected("scope() whose body asks isFinished()", "return", e);
            } finally {
                release.countDown();
            }
            check(!seen[0], "isFinished() should return false while the thread's body is still running (T2), but "
                    + "returned true");
            check(seen[1], "isFinished() should return true once the thread's body has ended (T2), but still returned "
                    + "false 3 s after it ended");
        });
    }

    /**
     * Java has interrupts, Rust does not: an interrupt of the waiting caller ends neither
     * {@code scope()}'s wait nor {@code join()}'s; both keep waiting, and return with the interrupt
     * status set (T6, T2).
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T6", "T2"})
    void interrupt_does_not_end_the_wait() {
        scenario("scope() did not return after an interrupt (T6)", () -> {
            Scopes scopes = scopes();
            CallerWaits waits = new CallerWaits();
            AtomicBoolean bodyReturned = new AtomicBoolean();
            boolean[] done = new boolean[1];
            boolean interrupted;
            try {
                scopes.scope(s -> {
                    s.spawn(() -> {
                        if (interruptWhileWaiting(waits, bodyReturned::get)) {
                            done[0] = true;
                        }
                        return null;
                    });
                    bodyReturned.set(true);
                    return null;
                });
            } catch (RuntimeException e) {
                throw Expect.unexpected("scope() whose caller was interrupted while it waited",
                        "keep waiting for its threads, then return (T6)", e);
            } finally {
                interrupted = Thread.interrupted();
                waits.scopeReturned();
            }
            check(done[0], "scope() stopped waiting when its caller was interrupted, and returned while a scoped thread "
                    + "was still running: an interrupt must not end the wait (T6)");
            check(interrupted, "scope() kept waiting through an interrupt, but returned with the interrupt status "
                    + "cleared: set it again before returning, so the caller still sees the interrupt (T6)");
        });
        scenario("join() did not return after an interrupt (T2)", () -> {
            Scopes scopes = scopes();
            CallerWaits waits = new CallerWaits();
            AtomicBoolean joining = new AtomicBoolean();
            AtomicBoolean mayEnd = new AtomicBoolean();
            Object[] seen = new Object[2];
            try {
                scopes.scope(s -> {
                    ScopedJoinHandle<Integer> slow = s.spawn(() -> {
                        long end = System.nanoTime() + 5_000_000_000L;
                        while (!mayEnd.get() && System.nanoTime() < end) {
                            CallerWaits.pause();
                        }
                        return 7;
                    });
                    s.spawn(() -> {
                        mayEnd.set(interruptWhileWaiting(waits, joining::get));
                        return null;
                    });
                    joining.set(true);
                    seen[0] = slow.join();
                    seen[1] = Thread.interrupted();
                    return null;
                });
            } catch (RuntimeException e) {
                throw Expect.unexpected("scope() whose body was interrupted in join()", "return", e);
            } finally {
                Thread.interrupted();
                waits.scopeReturned();
            }
            check(seen[0] instanceof Result.Ok<?, ?> ok && Integer.valueOf(7).equals(ok.value()),
                    "join() interrupted while it waited should keep waiting and return Ok(7) (T2), but returned "
                            + Safely.show(seen[0]));
            check(Boolean.TRUE.equals(seen[1]), "join() kept waiting through an interrupt, but returned with the "
                    + "interrupt status cleared: set it again before returning (T2)");
        });
    }

    /**
     * On a scoped thread: waits until the caller waits (after {@code after}), interrupts it, then
     * waits until the interrupt was taken and the caller waits again; false if scope() returned first.
     */
    private static boolean interruptWhileWaiting(CallerWaits waits, java.util.function.BooleanSupplier after) {
        if (!waits.pass(after)) {
            return false;
        }
        Thread caller = waits.caller();
        caller.interrupt();
        return waits.pass(() -> !caller.isInterrupted());
    }

    /** An {@code Error} is a panic too: join gives it as its own payload, and unjoined it makes the scope panic (T2, T6). */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"T2", "T6"})
    void errors_are_panics_too() {
        scenario("scope() with a thread that threw an Error did not return (T2)", () -> {
            Scopes scopes = scopes();
            Fatal fatal = new Fatal();
            Object[] joined = new Object[1];
            try {
                scopes.scope(s -> {
                    joined[0] = s.spawn(() -> {
                        throw fatal;
                    }).join();
                    return null;
                });
            } catch (RuntimeException | Error e) {
                throw Expect.unexpected("scope() whose body joined a thread that threw an Error", "return", e);
            }
            check(joined[0] instanceof Result.Err<?, ?> err && err.error() == fatal, "join() of a thread that threw an "
                    + "Error should return Err(that very Error): any throwable is a panic (T2), but returned "
                    + Safely.show(joined[0]));
            Throwable thrown = null;
            try {
                scopes.scope(s -> s.spawn(() -> {
                    throw new Fatal();
                }));
            } catch (RuntimeException | Error e) {
                thrown = e;
            }
            check(thrown instanceof Panic && "a scoped thread panicked".equals(Safely.message(thrown)),
                    "a scoped thread threw an Error and nobody joined it, so scope() should throw Panic(\"a scoped "
                            + "thread panicked\") (T6), but "
                            + (thrown == null ? "it returned normally" : "it threw " + Safely.describe(thrown)));
        });
    }
}
