package fearless.grader.checks.spawn;

import static fearless.grader.checks.spawn.Spawns.check;
import static fearless.grader.checks.spawn.Spawns.expectErr;
import static fearless.grader.checks.spawn.Spawns.expectOk;
import static fearless.grader.checks.spawn.Spawns.join;
import static fearless.grader.checks.spawn.Spawns.patience;
import static fearless.grader.checks.spawn.Spawns.require;
import static fearless.grader.checks.spawn.Spawns.scenario;
import static fearless.grader.checks.spawn.Spawns.shown;
import static fearless.grader.checks.spawn.Spawns.threads;

import fearless.grader.check.Expect;
import fearless.api.ErrorCode;
import fearless.api.Panic;
import fearless.api.Result;
import fearless.api.Unimplemented;
import fearless.api.thread.Builder;
import fearless.api.thread.JoinHandle;
import fearless.api.thread.Threads;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Safely;
import fearless.grader.check.property.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.opentest4j.AssertionFailedError;

/**
 * Example-based checks of spawn and join: ports of Rust's own tests
 * ({@code library/std/src/thread/tests.rs}, same names where there is one) and the Java side of
 * the contract (daemon threads, interrupts, detaching). Every scenario runs on a checking thread
 * with a bounded wait, so a join that never returns fails with a thread dump instead of hanging.
 */
@Exercise("spawn")
class SpawnBehaviourChecks {

    /**
     * Rust's {@code test_run_basic}, {@code test_thread_id_not_equal} and
     * {@code test_avoid_copying_the_body}: the body runs once, on another thread, sees the very
     * objects the caller gave it, and join gives back what it returned.
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"T1", "T2"})
    void test_run_basic() {
        scenario("threads.spawn(body).join() did not return (T1, T2)", () -> {
            Thread caller = Thread.currentThread();
            Object captured = new Object();
            AtomicInteger runs = new AtomicInteger();
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            AtomicReference<Object> seen = new AtomicReference<>();
            JoinHandle<String> h = require("threads.spawn(body)", "T1", () -> threads().spawn(() -> {
                runs.incrementAndGet();
                ranOn.set(Thread.currentThread());
                seen.set(captured);
                return "hello";
            }));
            Result<String, Object> r = join(h, "h");
            check(ranOn.get() != caller, "spawn ran the body on the thread that called spawn: start a new thread "
                    + "(Thread.start(), not run()) (T1)");
            check(runs.get() == 1, "the body ran " + runs.get() + " times; spawn runs it exactly once (T1)");
            check(seen.get() == captured, "the body did not see the object it captured (T1)");
            expectOk(r, "hello", "h.join() after threads.spawn(() -> \"hello\")", "T2");
            JoinHandle<Object> nothing = require("threads.spawn(() -> null)", "T1", () -> threads().spawn(() -> null));
            expectOk(join(nothing, "h"), null, "h.join() after threads.spawn(() -> null)", "T2: a body with nothing "
                    + "to return returns null");
        });
    }

    /** T1: spawn returns while the body is still running; the body runs on a thread of its own. */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T1"})
    void spawn_returns_before_the_body_ends() {
        scenario("threads.spawn(body) did not return while the body was still running: spawn must not wait "
                + "for the body (T1)", () -> {
                    Thread caller = Thread.currentThread();
                    CountDownLatch release = new CountDownLatch(1);
                    JoinHandle<String> h = require("threads.spawn(body)", "T1", () -> threads().spawn(() -> {
                        if (Thread.currentThread() == caller) {
                            return "ran on the caller";
                        }
                        return Spawns.await(release) ? "released" : "gave up waiting";
                    }));
                    release.countDown();
                    Result<String, Object> r = join(h, "h");
                    check(!Result.ok("ran on the caller").equals(r), "spawn ran the body on the calling thread, before "
                            + "returning: it must start a new thread and return at once (Thread.start(), not run()) "
                            + "(T1)");
                    check(!Result.ok("gave up waiting").equals(r), "spawn did not return until the body had given up "
                            + "waiting for the caller: spawn must return at once, without waiting for the body (T1)");
                    expectOk(r, "released", "join() of a body that waited for the caller", "T2");
                });
    }

    /**
     * Rust's {@code test_thread_id_not_equal}, many times over: each spawn runs its body on a new
     * thread, never on the caller and never on a thread an earlier spawn used.
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"T1"})
    void each_spawn_runs_on_a_new_thread() {
        scenario("threads.spawn(body).join() did not return (T1)", () -> {
            Threads threads = threads();
            List<Thread> seen = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                JoinHandle<Thread> h = require("threads.spawn(body)", "T1", () -> threads.spawn(Thread::currentThread));
                Thread t = join(h, "h" + i).unwrapOr(null);
                check(t != Thread.currentThread(), "spawn ran the body on the calling thread (T1)");
                for (int j = 0; j < seen.size(); j++) {
                    if (seen.get(j) == t) {
                        throw new AssertionFailedError("spawn number " + (i + 1) + " ran its body on the same thread as "
                                + "spawn number " + (j + 1) + " (T1): each spawn starts a new thread; a pool reuses "
                                + "threads, with whatever name and state the last body left on them");
                    }
                }
                seen.add(t);
            }
        });
    }

    /**
     * Rust's {@code test_unnamed_thread}: a thread spawned without a name has no name on its
     * handle, even after another builder of the same {@code Threads} named its thread.
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"T5"})
    void test_unnamed_thread() {
        scenario("join() of an unnamed thread did not return (T2)", () -> {
            Threads threads = threads();
            join(require("threads.builder().name(\"first\").spawn(() -> 0)", "T5",
                    () -> threads.builder().name("first").spawn(() -> 0)), "h");
            JoinHandle<Integer> plain = require("threads.spawn(() -> 1)", "T1", () -> threads.spawn(() -> 1));
            Optional<String> name = plain.name();
            check(name != null && name.isEmpty(), () -> "threads.spawn(...).name() should be empty: the thread "
                    + "was given no name, and a name given to another builder never reaches it (T5), but it is "
                    + shown(name));
            join(plain, "h");
            JoinHandle<Integer> built = require("threads.builder().spawn(() -> 2)", "T1",
                    () -> threads.builder().spawn(() -> 2));
            Optional<String> builtName = built.name();
            check(builtName != null && builtName.isEmpty(), () -> "threads.builder().spawn(...).name() should be "
                    + "empty: this builder was given no name; builder() makes a new builder each time (T5), but it is "
                    + shown(builtName));
            join(built, "h");
        });
    }

    /**
     * Rust's {@code test_named_thread}: the thread sees its builder's name as its own, from its
     * first instruction, and the handle tells it too. {@code name(null)} is refused at once.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T5"})
    void test_named_thread() {
        scenario("join() of a named thread did not return (T2)", () -> {
            Threads threads = threads();
            Builder b = require("threads.builder()", "T5", threads::builder);
            Builder same = require("builder.name(\"ada lovelace\")", "T5", () -> b.name("ada lovelace"));
            check(same == b, "builder.name(...) should return this very builder, named, for chaining (T5); it "
                    + "returned another object");
            // Not chained: the name must be in b itself.
            JoinHandle<String> h = require("builder.spawn(body)", "T1", () -> b.spawn(() -> Thread.currentThread().getName()));
            Optional<String> name = h.name();
            check(Optional.of("ada lovelace").equals(name), () -> "h.name() of a thread built with "
                    + ".name(\"ada lovelace\") should be Optional[ada lovelace] (T5), but it is " + shown(name));
            expectOk(join(h, "h"), "ada lovelace", "Thread.currentThread().getName(), read first thing by the "
                    + "body of a thread built with .name(\"ada lovelace\"),", "T5");
            try {
                threads.builder().name(null);
            } catch (NullPointerException expected) {
                return;
            } catch (Unimplemented e) {
                throw new AssertionFailedError(Safely.message(e), e);
            } catch (RuntimeException e) {
                throw new AssertionFailedError("builder.name(null) should throw NullPointerException (T5), but threw "
                        + Safely.describe(e), e);
            }
            throw new AssertionFailedError("builder.name(null) should throw NullPointerException at once (T5), but it "
                    + "returned: a thread cannot be named null");
        });
    }

    /** Rust's {@code test_join_panic} and {@code test_try_panic_message_string_literal}: a panic is a value. */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T2"})
    void test_join_panic() {
        scenario("join() of a thread that panicked did not return (T2)", () -> {
            JoinHandle<String> h = require("threads.spawn(body)", "T1", () -> threads().spawn(() -> {
                throw new Panic("static string");
            }));
            Object payload = expectErr(join(h, "h"), "join() of a thread whose body threw new Panic(\"static string\")",
                    "T2");
            check("static string".equals(payload), () -> "join() of a thread whose body threw new Panic(\"static "
                    + "string\") should give Err(\"static string\"), the panic's payload (T2), but the payload is "
                    + shown(payload));
        });
    }

    /** A payload that is none of the JDK's types, like Rust's unit struct {@code Juju}. */
    private static final class Juju {
        @Override
        public String toString() {
            return "Juju";
        }
    }

    /**
     * Rust's {@code test_try_panic_any_message_owned_str}, {@code _any} and {@code _unit_struct}:
     * a panic's payload comes back as it was thrown, whatever its type.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T2"})
    void test_try_panic_any_message() {
        scenario("join() of a thread that panicked did not return (T2)", () -> {
            Threads threads = threads();
            Juju juju = new Juju();
            Object[] payloads = {"owned string", 413, juju};
            String[] shownAs = {"\"owned string\"", "413", "a Juju object"};
            for (int i = 0; i < payloads.length; i++) {
                Object thrown = payloads[i];
                JoinHandle<String> h = require("threads.spawn(body)", "T1", () -> threads.spawn(() -> {
                    throw new Panic("panic_any", thrown);
                }));
                Object payload = expectErr(join(h, "h"), "join() of a thread whose body threw new Panic(\"panic_any\", "
                        + shownAs[i] + ")", "T2");
                boolean same = thrown instanceof Juju ? payload == thrown : thrown.equals(payload);
                String which = shownAs[i];
                check(same, () -> "join() of a thread whose body threw new Panic(\"panic_any\", " + which + ") should "
                        + "give Err(" + which + "): a Panic's payload is its payload(), not the Panic (T2); but the "
                        + "payload is " + (payload instanceof Throwable t ? "the throwable " + Safely.describe(t)
                                : shown(payload)));
            }
        });
    }

    /** A checked exception thrown where the compiler does not see it, as a body of another language might. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }

    /**
     * T2: any other throwable that ends the body, an {@link Error} or a checked exception
     * included, is its own payload: the same object comes back inside {@code Err}.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T2"})
    void join_gives_any_other_throwable_as_its_payload() {
        scenario("join() of a thread whose body threw did not return (T2)", () -> {
            Threads threads = threads();
            List<Throwable> failures = List.of(new IllegalStateException("a RuntimeException"),
                    new AssertionError("an AssertionError"), new StackOverflowError("a StackOverflowError"),
                    new java.io.IOException("a checked IOException"));
            for (Throwable failure : failures) {
                String what = "join() of a thread whose body threw " + failure;
                JoinHandle<String> h = require("threads.spawn(body)", "T1", () -> threads.spawn(() -> {
                    throw sneaky(failure);
                }));
                Object payload = expectErr(join(h, "h"), what, "T2");
                check(payload == failure, () -> what + " should give Err(that very " + failure.getClass().getSimpleName()
                        + "): a throwable other than a Panic is its own payload (T2); but the payload is "
                        + shown(payload));
            }
        });
    }

    /**
     * Rust's {@code test_is_finished}: false while the body runs, true once it has ended (by
     * returning or by throwing), never blocking; join then gives the result.
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"T2"})
    void test_is_finished() {
        scenario("isFinished() or join() blocked (T2): isFinished() must never block", () -> {
            Threads threads = threads();
            CountDownLatch release = new CountDownLatch(1);
            JoinHandle<Integer> t = require("threads.spawn(body)", "T1",
                    () -> threads.spawn(() -> Spawns.await(release) ? 1234 : -1));
            check(!t.isFinished(), "isFinished() should be false while the body is still waiting (T2)");
            release.countDown();
            Duration bound = patience(Duration.ofSeconds(2));
            check(Spawns.within(bound, t::isFinished), "isFinished() was still false " + bound.toMillis()
                    + " ms after the body was released to return (T2)");
            expectOk(join(t, "t"), 1234, "t.join() after t.isFinished()", "T2");
            JoinHandle<Integer> p = require("threads.spawn(body)", "T1", () -> threads.spawn(() -> {
                throw new Panic("done for");
            }));
            check(Spawns.within(bound, p::isFinished), "isFinished() of a thread whose body threw a Panic was still "
                    + "false after " + bound.toMillis() + " ms: a body that throws has ended too (T2)");
            expectErr(join(p, "p"), "join() of a thread whose body threw new Panic(\"done for\")", "T2");
        });
    }

    /** Joining consumes the handle: a second join and isFinished after join are E0382; close does nothing. */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"T2"})
    void join_consumes_the_handle() {
        scenario("join() or close() on a joined handle blocked (T2)", () -> {
            JoinHandle<Integer> h = require("threads.spawn(() -> 5)", "T1", () -> threads().spawn(() -> 5));
            expectOk(join(h, "h"), 5, "h.join()", "T2");
            Expect.ownershipError(ErrorCode.E0382, "a second h.join()", "T2: join(self) consumes the handle", h::join);
            Expect.ownershipError(ErrorCode.E0382, "h.isFinished() after h.join()", "T2: join(self) consumes the handle",
                    h::isFinished);
            try {
                h.close();
            } catch (Unimplemented e) {
                throw new AssertionFailedError(Safely.message(e), e);
            } catch (RuntimeException e) {
                throw new AssertionFailedError("h.close() after h.join() should do nothing, so that try-with-resources "
                        + "is always safe (T4), but it threw " + Safely.describe(e), e);
            }
        });
    }

    /** Closing consumes the handle too: join and isFinished after close are E0382; closing again does nothing. */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"T4"})
    void close_consumes_the_handle() {
        scenario("join() or close() on a closed handle blocked (T4)", () -> {
            JoinHandle<Integer> h = require("threads.spawn(() -> 5)", "T1", () -> threads().spawn(() -> 5));
            require("h.close()", "T4", () -> {
                h.close();
                return null;
            });
            Expect.ownershipError(ErrorCode.E0382, "h.join() after h.close()", "T4: the handle was dropped", h::join);
            Expect.ownershipError(ErrorCode.E0382, "h.isFinished() after h.close()", "T4: the handle was dropped",
                    h::isFinished);
            require("a second h.close()", "T4", () -> {
                h.close();
                return null;
            });
        });
    }

    /** T4: close returns at once while the body is still running; it never waits for the thread. */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"T4"})
    void close_never_blocks() {
        scenario("close() blocked (T4)", () -> {
            CountDownLatch release = new CountDownLatch(1);
            JoinHandle<String> h = require("threads.spawn(body)", "T1",
                    () -> threads().spawn(() -> Spawns.await(release) ? "released" : "gave up"));
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread closer = Spawns.helper("closer", () -> {
                try {
                    h.close();
                } catch (Throwable e) {
                    thrown.set(e);
                }
            });
            Duration bound = patience(Duration.ofMillis(500));
            boolean returned = Spawns.ended(closer, bound);
            release.countDown();
            check(returned, "h.close() did not return within " + bound.toMillis() + " ms while the thread was still "
                    + "running: close detaches the thread, it never waits for it (T4)");
            Throwable e = thrown.get();
            if (e instanceof Unimplemented) {
                throw new AssertionFailedError(Safely.message(e), e);
            }
            check(e == null, () -> "h.close() threw " + Safely.describe(e) + "; it should just detach (T4)");
        });
    }

    /**
     * T4: a detached thread keeps running to its end: close neither stops nor interrupts it, and
     * the work it does after the close still happens.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T4"})
    void test_detached_thread_keeps_running() {
        scenario("close() blocked, or the detached thread never finished (T4)", () -> {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch finished = new CountDownLatch(1);
            AtomicBoolean interrupted = new AtomicBoolean();
            AtomicInteger work = new AtomicInteger();
            JoinHandle<Void> h = require("threads.spawn(body)", "T1", () -> threads().spawn(() -> {
                Spawns.await(release);
                interrupted.set(Thread.currentThread().isInterrupted());
                for (int i = 0; i < 1000; i++) {
                    work.incrementAndGet();
                }
                finished.countDown();
                return null;
            }));
            Thread closer = Spawns.helper("closer", h::close);
            Spawns.ended(closer, patience(Duration.ofMillis(500)));
            release.countDown();
            Duration bound = patience(Duration.ofSeconds(2));
            check(finished.await(bound.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS), "the thread did not "
                    + "finish its work within " + bound.toMillis() + " ms after h.close(): closing the handle "
                    + "detaches the thread, which keeps running to its end (T4)");
            check(!interrupted.get(), "h.close() interrupted the thread: closing the handle detaches the thread and "
                    + "leaves it alone; it never interrupts or stops it (T4)");
            check(work.get() == 1000, "the detached thread did " + work.get() + " of its 1000 steps (T4)");
        });
    }

    /**
     * Spawned threads are daemons: as in Rust, they do not keep the program alive. They are
     * spawned from a thread that is not a daemon, since a new Java thread inherits its creator's
     * daemon status.
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"T1", "T4"})
    void spawned_threads_are_daemons() {
        scenario("join() did not return (T2)", () -> {
            Threads threads = threads();
            AtomicReference<Object> plain = new AtomicReference<>();
            AtomicReference<Object> named = new AtomicReference<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread parent = new Thread(() -> {
                try {
                    plain.set(Outcome.of(() -> threads.spawn(() -> Thread.currentThread().isDaemon()).join()));
                    named.set(Outcome.of(() -> threads.builder().name("daemon")
                            .spawn(() -> Thread.currentThread().isDaemon()).join()));
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "not a daemon");
            parent.setDaemon(false);
            parent.start();
            check(Spawns.ended(parent, patience(Duration.ofSeconds(2))), "spawn(...).join() on a thread that is not a "
                    + "daemon did not return (T1, T2)");
            Throwable e = failure.get();
            if (e instanceof Unimplemented) {
                throw new AssertionFailedError(Safely.message(e), e);
            }
            check(e == null, () -> "spawn(...).join() on a thread that is not a daemon threw " + Safely.describe(e)
                    + " (T1, T2)");
            Outcome.returned(Result.ok(true)).because("T1: a spawned thread does not keep the program alive")
                    .verify("threads.spawn(() -> Thread.currentThread().isDaemon()).join(), called on a thread that is "
                            + "not a daemon,", (Outcome) plain.get());
            Outcome.returned(Result.ok(true)).because("T1: a spawned thread does not keep the program alive")
                    .verify("threads.builder().name(\"daemon\").spawn(() -> Thread.currentThread().isDaemon()).join(), "
                            + "called on a thread that is not a daemon,", (Outcome) named.get());
        });
    }

    /**
     * Rust's {@code test_spawn_sched} and {@code test_spawn_sched_childs_on_default_sched}: threads
     * spawn threads, a chain twelve deep, each joining the next.
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"T1", "T2"})
    void test_spawn_sched() {
        scenario("a chain of threads, each spawning the next and joining it, got stuck (T1, T2): are spawned "
                + "threads waiting for a free thread that never comes?", () -> {
                    Threads threads = threads();
                    JoinHandle<Integer> h = require("threads.spawn(body)", "T1", () -> threads.spawn(() -> chain(threads, 12)));
                    expectOk(join(h, "h"), 12, "join() of a chain of 12 threads, each spawning the next, joining it and "
                            + "returning its result + 1,", "T1, T2");
                });
    }

    /** Spawns a thread that computes {@code chain(depth - 1)}, joins it, and adds one. */
    private static int chain(Threads threads, int depth) {
        if (depth == 0) {
            return 0;
        }
        return threads.spawn(() -> chain(threads, depth - 1)).join().unwrap() + 1;
    }

    /**
     * T2: an interrupt does not end a join. The joining thread is interrupted while it waits; it
     * keeps waiting, gets the result, and returns with its interrupt status set.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T2"})
    void interrupt_does_not_end_a_join() {
        scenario("join() did not return after the thread ended (T2)", () -> {
            CountDownLatch release = new CountDownLatch(1);
            JoinHandle<String> h = require("threads.spawn(body)", "T1",
                    () -> threads().spawn(() -> Spawns.await(release) ? "done" : "gave up"));
            AtomicReference<Object> result = new AtomicReference<>();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicBoolean statusAfter = new AtomicBoolean();
            Thread joiner = Spawns.helper("joiner", () -> {
                try {
                    result.set(h.join());
                } catch (Throwable e) {
                    thrown.set(e);
                }
                statusAfter.set(Thread.currentThread().isInterrupted());
            });
            Duration bound = patience(Duration.ofSeconds(1));
            Spawns.within(bound, () -> Spawns.isWaiting(joiner) || !joiner.isAlive());
            joiner.interrupt();
            // It took the interrupt (its status is clear again) and waits once more, or it gave up.
            Spawns.within(bound, () -> !joiner.isAlive() || (!joiner.isInterrupted() && Spawns.isWaiting(joiner)));
            boolean endedEarly = !joiner.isAlive();
            release.countDown();
            check(Spawns.ended(joiner, patience(Duration.ofSeconds(2))), "join() did not return after the thread "
                    + "ended (T2)");
            Throwable e = thrown.get();
            if (e instanceof Unimplemented) {
                throw new AssertionFailedError(Safely.message(e), e);
            }
            check(e == null, () -> "join() threw " + Safely.describe(e) + " when the joining thread was interrupted: "
                    + "an interrupt does not end the wait; keep waiting, then restore the interrupt status (T2)");
            check(!endedEarly || Result.ok("done").equals(result.get()), () -> "join() returned "
                    + shown(result.get()) + " as soon as the joining thread was interrupted, while the thread was "
                    + "still running: an interrupt does not end the wait (T2)");
            check(Result.ok("done").equals(result.get()), () -> "join() of an interrupted joiner should give "
                    + "Ok(\"done\") once the thread ends (T2), but gave " + shown(result.get()));
            check(statusAfter.get(), "join() swallowed the interrupt: it returned with the joining thread's "
                    + "interrupt status clear; restore it (Thread.currentThread().interrupt()) before returning (T2)");
        });
    }

    /** A plain object with a plain field, written by a body and read after join. */
    private static final class Note {
        String text;
        int[] cells = new int[1000];
    }

    /**
     * T2: everything the thread did happens-before join returns: plain (non-volatile) writes made
     * by the body just before it ends are all seen after join. The body writes only once the
     * caller is already waiting in join, so a join that does not wait cannot see them.
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"T2"})
    void join_happens_after_the_body() {
        scenario("join() did not return after the thread ended (T2)", () -> {
            Thread caller = Thread.currentThread();
            CountDownLatch release = new CountDownLatch(1);
            Note note = new Note();
            JoinHandle<Integer> h = require("threads.spawn(body)", "T1", () -> threads().spawn(() -> {
                Spawns.await(release);
                for (int i = 0; i < note.cells.length; i++) {
                    note.cells[i] = i + 1;
                }
                note.text = "written";
                return 7;
            }));
            Spawns.helper("releaser", () -> {
                Spawns.within(patience(Duration.ofSeconds(1)), () -> Spawns.isWaiting(caller));
                release.countDown();
            });
            Result<Integer, Object> r = join(h, "h");
            expectOk(r, 7, "h.join() of a body that returns 7", "T2: join waits until the thread has ended");
            check("written".equals(note.text), "after join() returned, a field the body wrote just before "
                    + "returning still read " + shown(note.text) + ": join must wait for the thread (Thread.join()), "
                    + "so that everything it did happens-before join returns (T2)");
            for (int i = 0; i < note.cells.length; i++) {
                int at = i;
                check(note.cells[i] == i + 1, () -> "after join() returned, the body's write to cells[" + at + "] was "
                        + "not visible: everything the thread did happens-before join returns (T2)");
            }
        });
    }
}
