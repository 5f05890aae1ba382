package fearless.grader.checks.refcell;

import fearless.api.Panic;
import fearless.api.Result;
import fearless.api.Unimplemented;
import fearless.api.cell.BorrowError;
import fearless.api.cell.BorrowMutError;
import fearless.api.cell.Ref;
import fearless.api.cell.RefCell;
import fearless.api.cell.RefCellProvider;
import fearless.api.cell.RefMut;
import fearless.grader.check.Safely;
import fearless.grader.check.Submission;
import fearless.grader.check.property.Outcome;
import java.util.concurrent.Callable;

/**
 * What the cell's checks share: fresh cells from the submission, Rust's panic messages, and the
 * outcome of a call with any {@link Panic} read as a panic, whatever subclass the submission
 * threw (a panic is a panic; its message is what Rust shows).
 */
final class Cells {

    static final String LESSON = "course-notes/04-refcell.md";

    /** rustc 1.95's message for {@code borrow_mut}, {@code replace}, {@code swap}, {@code take} while borrowed. */
    static final String ALREADY_BORROWED = "RefCell already borrowed";

    /** rustc 1.95's message for {@code borrow} while mutably borrowed. */
    static final String ALREADY_MUTABLY_BORROWED = "RefCell already mutably borrowed";

    /** How a successful {@code try} form reads: its handle is closed at once, as Rust drops the temporary. */
    static final String OK = "Ok(..)";

    static final String ERR_BORROW = "Err(BorrowError)";

    static final String ERR_BORROW_MUT = "Err(BorrowMutError)";

    private Cells() {
    }

    /** A new cell of the submission's, owned by the calling thread. */
    static <T> RefCell<T> fresh(T value) {
        return Submission.provider(RefCellProvider.class).create(value);
    }

    /** Expects a panic, whatever its message. */
    static Outcome panics(String rule) {
        return Outcome.threw(Panic.class).because(rule);
    }

    /** Expects a panic with exactly Rust's {@code message}. */
    static Outcome panics(String message, String rule) {
        return Outcome.threw(Panic.class, message).because(rule);
    }

    /**
     * What {@code call} did: returned (its value), or threw. A panic of any {@link Panic} subclass
     * reads as a {@link Panic} with the same message; a stub's {@link Unimplemented} is rethrown.
     */
    static Outcome outcome(Callable<?> call) {
        try {
            return Outcome.returned(call.call());
        } catch (Unimplemented stub) {
            throw stub;
        } catch (Panic panic) {
            return Outcome.threw(new Panic(Safely.message(panic)));
        } catch (Exception e) {
            return Outcome.threw(e);
        }
    }

    /** {@link #outcome} for a call whose value does not matter: {@link Outcome#done()} if it returns. */
    static Outcome outcomeOfRun(Runnable call) {
        Outcome o = outcome(() -> {
            call.run();
            return null;
        });
        return o.matches(Outcome.returned(null)) ? Outcome.done() : o;
    }

    /** {@code x.tryBorrow()} as text: {@value #OK} (its Ref closed at once) or {@value #ERR_BORROW}. */
    static <T> String tryBorrow(RefCell<T> x) {
        Result<Ref<T>, BorrowError> r = x.tryBorrow();
        if (r instanceof Result.Ok<Ref<T>, BorrowError> ok) {
            ok.value().close();
            return OK;
        }
        Object e = r.unwrapErr();
        return e instanceof BorrowError ? ERR_BORROW : "Err(" + Safely.show(e) + ")";
    }

    /** {@code x.tryBorrowMut()} as text: {@value #OK} (its RefMut closed at once) or {@value #ERR_BORROW_MUT}. */
    static <T> String tryBorrowMut(RefCell<T> x) {
        Result<RefMut<T>, BorrowMutError> r = x.tryBorrowMut();
        if (r instanceof Result.Ok<RefMut<T>, BorrowMutError> ok) {
            ok.value().close();
            return OK;
        }
        Object e = r.unwrapErr();
        return e instanceof BorrowMutError ? ERR_BORROW_MUT : "Err(" + Safely.show(e) + ")";
    }

    /**
     * Fails unless {@code cell.tryBorrow()} answers {@code Ok} ({@code ok}) or {@code Err(BorrowError)}.
     *
     * @param name the cell's name in the feedback: {@code "x"}
     * @param when the state of the cell, as Java: {@code "while RefMut b1 = x.borrowMut() lives"}
     */
    static void expectTryBorrow(String name, RefCell<?> cell, boolean ok, String when, String rule) {
        Outcome.returned(ok ? OK : ERR_BORROW).because(rule)
                .verify(name + ".tryBorrow() " + when, outcome(() -> tryBorrow(cell)));
    }

    /** Fails unless {@code cell.tryBorrowMut()} answers {@code Ok} ({@code ok}) or {@code Err(BorrowMutError)}. */
    static void expectTryBorrowMut(String name, RefCell<?> cell, boolean ok, String when, String rule) {
        Outcome.returned(ok ? OK : ERR_BORROW_MUT).because(rule)
                .verify(name + ".tryBorrowMut() " + when, outcome(() -> tryBorrowMut(cell)));
    }
}
