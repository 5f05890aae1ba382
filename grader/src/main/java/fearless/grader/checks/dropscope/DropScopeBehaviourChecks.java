package fearless.grader.checks.dropscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.api.ErrorCode;
import fearless.api.Panic;
import fearless.api.ownership.DropScope;
import fearless.api.ownership.DropScopeProvider;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Safely;
import fearless.grader.check.Submission;
import fearless.grader.check.property.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/** Example-based checks of one scope: drop order, owning and moving out, ending, and failing drops. */
@Exercise("drop-scope")
class DropScopeBehaviourChecks {

    /** The labels of the resources closed, in order. */
    private final List<String> drops = new ArrayList<>();

    private static DropScope open() {
        return Submission.provider(DropScopeProvider.class).open();
    }

    private Res res(String label) {
        return new Res(label, label, Res.Failure.NONE, drops);
    }

    private Res failing(String label, Res.Failure failure) {
        return new Res(label, label, failure, drops);
    }

    private static Outcome dead() {
        return Outcome.error(ErrorCode.E0382).because("O2");
    }

    /**
     * The scope stands for a block's locals and {@code own} for a declaration: what it owned first
     * drops last, whatever order the values were created in (c is created first here, owned last).
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"O4"})
    void reverse_drop_order() {
        DropScope scope = open();
        Res c = res("c");
        Res b = res("b");
        Res a = res("a");
        assertSame(a, scope.own(a), "own(a) must return a itself (O4)");
        scope.own(b);
        scope.own(c);
        assertEquals(3, scope.owned(), "a scope that owns a, b and c must say owned() == 3 (O4)");
        assertEquals(List.of(), drops, "owning must not drop anything (O4)");
        scope.close();
        assertEquals(List.of("c", "b", "a"), drops, "a scope that owned a, then b, then c must drop them last owned "
                + "first: c, b, a (O4), as Rust drops a block's locals last declared first");
        assertEquals(0, scope.owned(), "an ended scope owns nothing: owned() must be 0 (O4)");
    }

    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"O4"})
    void moved_out_not_dropped() {
        DropScope scope = open();
        scope.own(res("a"));
        Res b = scope.own(res("b"));
        scope.own(res("c"));
        assertSame(b, scope.moveOut(b), "moveOut(b) must return b itself (O4)");
        assertEquals(2, scope.owned(), "after moving b out of a, b, c, owned() must be 2 (O4)");
        scope.close();
        assertEquals(List.of("c", "a"), drops,
                "b was moved out before the scope ended, so the scope must drop only c, then a (O4)");
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"O3"})
    void close_twice_is_a_no_op() {
        DropScope scope = open();
        scope.own(res("a"));
        scope.own(res("b"));
        scope.close();
        Outcome.done().because("O3").verify("a second scope.close()", Outcome.ofRun(scope::close));
        assertEquals(List.of("b", "a"), drops, "closing a scope twice must drop each value once (O3)");
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"O2"})
    void ended_scope_is_dead() {
        DropScope scope = open();
        Res a = scope.own(res("a"));
        scope.close();
        Res late = res("late");
        dead().verify("scope.own(late) after scope.close()", Outcome.of(() -> scope.own(late)));
        dead().verify("scope.moveOut(a) after scope.close()", Outcome.of(() -> scope.moveOut(a)));
        assertEquals(List.of("a"), drops, "an ended scope must not take, nor drop, anything more (O2, O3)");
    }

    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"O2"})
    void move_out_of_unowned() {
        DropScope scope = open();
        Res a = scope.own(res("a"));
        Res stranger = res("stranger");
        dead().verify("scope.moveOut(stranger), a value the scope never owned", Outcome.of(() -> scope.moveOut(stranger)));
        scope.moveOut(a);
        dead().verify("a second scope.moveOut(a)", Outcome.of(() -> scope.moveOut(a)));
        scope.own(res("b"));
        scope.close();
        assertEquals(List.of("b"), drops, "after the failed moves out, the scope must still drop what it owns, "
                + "and only that (O2, O4)");
    }

    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"O2", "O4"})
    void move_out_by_identity() {
        DropScope scope = open();
        Res first = scope.own(new Res("same", "first", Res.Failure.NONE, drops));
        Res twin = new Res("same", "twin", Res.Failure.NONE, drops);
        assertTrue(first.equals(twin), "grader self-check: the two resources must be equal");
        dead().verify("scope.moveOut(twin), where twin.equals(first) but the scope owns only first",
                Outcome.of(() -> scope.moveOut(twin)));
        Outcome.returned("twin").because("O2").verify("scope.own(twin), an equal but distinct value",
                Outcome.of(() -> Res.identity(scope.own(twin), twin)));
        assertEquals(2, scope.owned(), "a scope that owns two equal but distinct values owns 2 (O2)");
        assertSame(twin, scope.moveOut(twin), "moveOut(twin) must return twin itself (O2)");
        scope.close();
        assertEquals(List.of("first"), drops, "moveOut(twin) must move out twin, the very object, and leave its "
                + "equal first to be dropped: compare by identity (==), not equals (O2, O4)");
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"O1", "O2"})
    void owning_twice_is_use_after_move() {
        DropScope scope = open();
        Res a = scope.own(res("a"));
        scope.own(res("b"));
        Outcome.error(ErrorCode.E0382).because("O1").verify("a second scope.own(a), while the scope owns a already",
                Outcome.of(() -> scope.own(a)));
        assertEquals(2, scope.owned(), "a refused second own(a) must leave the scope as it was: owned() must still "
                + "be 2 (O1)");
        scope.close();
        assertEquals(List.of("b", "a"), drops, "a value owned once must be dropped once, in its place, even after a "
                + "second own(a) was refused (O1, O3)");
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"O2", "O4"})
    void moved_out_value_can_be_owned_again() {
        DropScope scope = open();
        Res a = scope.own(res("a"));
        scope.own(res("b"));
        assertSame(a, scope.moveOut(a), "moveOut(a) must return a itself (O4)");
        Outcome.returned("a").because("O2").verify("scope.own(a) after scope.moveOut(a) gave a back to the caller",
                Outcome.of(() -> Res.identity(scope.own(a), a)));
        assertEquals(2, scope.owned(), "after own(a), own(b), moveOut(a), own(a), the scope owns a and b: owned() "
                + "must be 2 (O2, O4)");
        scope.close();
        assertEquals(List.of("a", "b"), drops, "a, owned again after it was moved out, is now the last owned: the "
                + "scope must drop a, then b, each once (O3, O4)");
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"O2", "O3"})
    void null_is_never_owned() {
        DropScope scope = open();
        scope.own(res("a"));
        Outcome.threw(NullPointerException.class).because("O3").verify("scope.own(null)",
                Outcome.of(() -> scope.<Res>own(null)));
        assertEquals(1, scope.owned(), "a refused own(null) must leave the scope as it was: owned() must still be 1 "
                + "(O3)");
        dead().verify("scope.moveOut(null), a value no scope owns", Outcome.of(() -> scope.<Res>moveOut(null)));
        scope.close();
        assertEquals(List.of("a"), drops, "after own(null) and moveOut(null) were refused, the scope must drop what "
                + "it owns, and only that (O3)");
    }

    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"O3"})
    void drops_the_rest_when_one_throws() {
        DropScope scope = open();
        scope.own(res("a"));
        scope.own(failing("b", Res.Failure.UNCHECKED));
        scope.own(res("c"));
        scope.own(failing("d", Res.Failure.UNCHECKED));
        scope.own(res("e"));
        Throwable thrown = closeExpectingFailure(scope);
        assertEquals(List.of("e", "d", "c", "b", "a"), drops, "when d's drop throws, the scope must still drop "
                + "every other value, in order (O3, O4)");
        if (!(thrown instanceof Res.DropFailure) || !thrown.getMessage().startsWith("d ")) {
            throw new AssertionFailedError("the scope must rethrow the first failure, d's (dropped before b), "
                    + "as it is (O3); it threw " + Safely.describe(thrown));
        }
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"O3"})
    void one_failure_thrown_by_two_drops() {
        DropScope scope = open();
        Res.DropFailure shared = new Res.DropFailure("shared");
        scope.own(res("a"));
        scope.own(throwing("b", shared));
        scope.own(res("c"));
        scope.own(throwing("d", shared));
        scope.own(res("e"));
        Throwable thrown = closeExpectingFailure(scope);
        if (thrown != shared) {
            throw new AssertionFailedError("d's and b's drops threw the very same exception object, so that one "
                    + "object is the first failure, and close() must rethrow it as it is (O3). It cannot be attached "
                    + "to itself: Throwable.addSuppressed(itself) throws IllegalArgumentException. close() threw "
                    + Safely.describe(thrown));
        }
        assertEquals(List.of("e", "d", "c", "b", "a"), drops, "d's and b's drops threw the very same exception object; "
                + "the scope must still drop every value, in order (O3, O4)");
    }

    /** A resource whose close logs {@code label}, then throws {@code failure}: the same object every time. */
    private AutoCloseable throwing(String label, RuntimeException failure) {
        return () -> {
            drops.add(label);
            throw failure;
        };
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"O3"})
    void checked_exception_becomes_panic() {
        DropScope scope = open();
        scope.own(res("a"));
        scope.own(failing("b", Res.Failure.CHECKED));
        scope.own(res("c"));
        Throwable thrown = closeExpectingFailure(scope);
        assertEquals(List.of("c", "b", "a"), drops, "a drop that throws a checked exception must not stop the "
                + "others (O3)");
        if (!(thrown instanceof Panic panic)) {
            throw new AssertionFailedError("a checked exception from a drop must come out of close() wrapped in a "
                    + "fearless.api.Panic (O3); it came out as " + thrown);
        }
        if (!(panic.getCause() instanceof Res.CheckedDropFailure) && !(panic.payload() instanceof Res.CheckedDropFailure)) {
            throw new AssertionFailedError("the Panic from close() must carry b's checked exception as its cause or "
                    + "payload (O3); cause " + panic.getCause() + ", payload " + panic.payload());
        }
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"O3"})
    void error_from_a_drop_comes_out_as_it_is() {
        DropScope scope = open();
        scope.own(res("a"));
        scope.own(failing("b", Res.Failure.ERROR));
        scope.own(res("c"));
        Throwable thrown = closeExpectingFailure(scope);
        assertEquals(List.of("c", "b", "a"), drops, "a drop that throws an Error must not stop the others (O3)");
        if (!(thrown instanceof Res.DropError)) {
            throw new AssertionFailedError("an Error from a drop is not a checked exception: it must come out of "
                    + "close() as it is, like an unchecked exception (O3); it came out as " + Safely.describe(thrown));
        }
    }

    /** Closes {@code scope}, which must throw; returns what it threw (an {@code Error} only if a drop threw it). */
    private static Throwable closeExpectingFailure(DropScope scope) {
        try {
            scope.close();
        } catch (fearless.api.Unimplemented e) {
            throw e;
        } catch (RuntimeException | Res.DropError e) {
            return e;
        }
        throw new AssertionFailedError("a value's drop threw, so scope.close() must rethrow that failure after "
                + "dropping the rest (O3); it returned normally");
    }
}
