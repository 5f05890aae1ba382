package fearless.grader.checks.scoped;

import fearless.api.Panic;
import fearless.api.Result;
import fearless.api.thread.Scope;
import fearless.api.thread.ScopedJoinHandle;
import fearless.api.thread.Scopes;
import fearless.grader.check.Safely;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One run of a {@link Workload} on the submission, and its comparison with what Rust's scope does:
 * every thread runs and has ended when {@code scope()} returns, each join by hand gives the
 * thread's outcome as a value, and the scope returns the body's result, throws the body's own
 * throwable, or throws {@code Panic("a scoped thread panicked")} if an unjoined thread threw.
 */
final class WorkloadRun {

    private final Workload workload;
    private final AtomicReferenceArray<Throwable> thrown;
    private final AtomicReferenceArray<Object> joins;
    private final boolean[] done;
    private final CallerWaits waits = new CallerWaits();
    private final AtomicBoolean bodyEnded = new AtomicBoolean();
    private final ScopedBehaviourChecks.BodyFailure bodyFailure = new ScopedBehaviourChecks.BodyFailure();

    private WorkloadRun(Workload workload) {
        this.workload = workload;
        int max = 0;
        for (Workload.Node node : workload.nodes()) {
            max = Math.max(max, node.id() + 1);
        }
        this.thrown = new AtomicReferenceArray<>(max);
        this.joins = new AtomicReferenceArray<>(max);
        this.done = new boolean[max];
    }

    /** Runs {@code workload} on {@code scopes}; the first difference from Rust's scope, or null. */
    static String mismatch(Scopes scopes, Workload workload) {
        return new WorkloadRun(workload).run(scopes);
    }

    private String run(Scopes scopes) {
        Object returned = null;
        Throwable failure = null;
        try {
            returned = scopes.scope(s -> {
                try {
                    spawnAndJoin(s, -1);
                } finally {
                    bodyEnded.set(true);
                }
                if (workload.bodyThrows()) {
                    throw bodyFailure;
                }
                return "body";
            });
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            waits.scopeReturned();
        }
        Scoped.rethrowUnimplemented(failure);
        for (Workload.Node node : workload.nodes()) {
            if (!done[node.id()]) {
                return "scope() returned while t" + node.id() + " had not ended (T6)";
            }
        }
        for (Workload.Node node : workload.nodes()) {
            if (node.joinedByHand()) {
                String expected = expectedJoin(node);
                Object got = joins.get(node.id());
                if (!matchesJoin(node, got)) {
                    return "t" + node.id() + ".join() should return " + expected + " (T2), but returned "
                            + Safely.show(got);
                }
            }
        }
        String expected;
        boolean right;
        if (workload.bodyThrows()) {
            expected = "throw the body's own BodyFailure";
            right = failure == bodyFailure;
        } else if (unjoinedPanic()) {
            expected = "throw Panic(\"a scoped thread panicked\"), since an unjoined thread threw";
            right = failure instanceof Panic && "a scoped thread panicked".equals(Safely.message(failure));
        } else {
            expected = "return \"body\"";
            right = failure == null && "body".equals(returned);
        }
        if (!right) {
            return "scope() should " + expected + " (T6), but "
                    + (failure == null ? "it returned " + Safely.show(returned) : "it threw " + Safely.describe(failure));
        }
        return null;
    }

    private boolean unjoinedPanic() {
        for (Workload.Node node : workload.nodes()) {
            if (!node.joinedByHand() && node.end() != Workload.End.RETURNS) {
                return true;
            }
        }
        return false;
    }

    /** Spawns the children of {@code spawner} (-1: the body), then joins those joined by hand. */
    private void spawnAndJoin(Scope s, int spawner) {
        List<ScopedJoinHandle<Object>> handles = new ArrayList<>();
        List<Workload.Node> children = workload.children(spawner);
        for (Workload.Node child : children) {
            handles.add(s.spawn(() -> body(s, child)));
        }
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i).joinedByHand()) {
                joins.set(children.get(i).id(), handles.get(i).join());
            }
        }
    }

    private Object body(Scope s, Workload.Node node) {
        spawnAndJoin(s, node.id());
        if (node.lingers() && !workload.bodyWaitsFor(node) && !waits.pass(bodyEnded::get)) {
            return null; // scope() returned before this thread could end: done stays false
        }
        done[node.id()] = true;
        Throwable failure = switch (node.end()) {
            case RETURNS -> null;
            case PANICS -> new Panic("t" + node.id(), "p" + node.id());
            case THROWS_EXCEPTION -> new ScopedBehaviourChecks.Boom("t" + node.id());
            case THROWS_ERROR -> new ScopedBehaviourChecks.Fatal();
        };
        if (failure == null) {
            return Workload.value(node);
        }
        thrown.set(node.id(), failure);
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        throw (Error) failure;
    }

    private String expectedJoin(Workload.Node node) {
        return switch (node.end()) {
            case RETURNS -> "Ok(" + Workload.value(node) + ")";
            case PANICS -> "Err(\"p" + node.id() + "\"), the Panic's payload";
            case THROWS_EXCEPTION -> "Err(the Boom it threw)";
            case THROWS_ERROR -> "Err(the Error it threw)";
        };
    }

    private boolean matchesJoin(Workload.Node node, Object got) {
        if (node.end() == Workload.End.RETURNS) {
            return got instanceof Result.Ok<?, ?> ok && Integer.valueOf(Workload.value(node)).equals(ok.value());
        }
        if (!(got instanceof Result.Err<?, ?> err)) {
            return false;
        }
        return node.end() == Workload.End.PANICS ? ("p" + node.id()).equals(err.error())
                : err.error() == thrown.get(node.id());
    }
}
