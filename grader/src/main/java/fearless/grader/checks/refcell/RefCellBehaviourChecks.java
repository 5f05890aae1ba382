package fearless.grader.checks.refcell;

import static fearless.grader.checks.refcell.Cells.ALREADY_BORROWED;
import static fearless.grader.checks.refcell.Cells.ALREADY_MUTABLY_BORROWED;
import static fearless.grader.checks.refcell.Cells.expectTryBorrow;
import static fearless.grader.checks.refcell.Cells.expectTryBorrowMut;
import static fearless.grader.checks.refcell.Cells.fresh;
import static fearless.grader.checks.refcell.Cells.outcome;
import static fearless.grader.checks.refcell.Cells.outcomeOfRun;
import static fearless.grader.checks.refcell.Cells.panics;

import fearless.api.ErrorCode;
import fearless.api.cell.Ref;
import fearless.api.cell.RefCell;
import fearless.api.cell.RefMut;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Safely;
import fearless.grader.check.property.Outcome;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.opentest4j.AssertionFailedError;

/**
 * Example-based checks of one cell at a time: ports of Rust's own {@code RefCell} tests
 * ({@code library/coretests/tests/cell.rs}, same names; a Rust temporary such as
 * {@code x.try_borrow().is_ok()} is closed at once here), then the handles' lives, the panics and
 * their messages.
 */
@Exercise("ref-cell")
class RefCellBehaviourChecks {

    /** A failure the checks plant in a {@code map} function; recognised by identity. */
    private static final class Planted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Planted() {
            super("the map function failed");
        }
    }

    private static Outcome usedUp() {
        return Outcome.error(ErrorCode.E0382).because("B4");
    }

    private static <T> T require(String call, String rule, java.util.concurrent.Callable<T> body) {
        return Outcome.require(call, rule, body);
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"B1"})
    void double_imm_borrow() {
        RefCell<String> x = fresh("v");
        Ref<String> b1 = x.borrow();
        Ref<String> b2 = require("x.borrow() while Ref b1 = x.borrow() lives", "B1", x::borrow);
        Outcome.returned("v").because("B1").verify("b1.get() while b2 also lives", outcome(b1::get));
        Outcome.returned("v").because("B1").verify("b2.get() while b1 also lives", outcome(b2::get));
        expectTryBorrow("x", x, true, "while Ref b1 and b2 live", "B1");
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"B2", "B3"})
    void no_mut_then_imm_borrow() {
        RefCell<String> x = fresh("v");
        RefMut<String> b1 = x.borrowMut();
        expectTryBorrow("x", x, false, "while RefMut b1 = x.borrowMut() lives", "B2");
        panics("B2").verify("x.borrow() while RefMut b1 = x.borrowMut() lives", outcome(x::borrow));
        Outcome.returned("v").because("B2").verify("b1.get() after the refused borrows", outcome(b1::get));
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"B2", "B3"})
    void no_imm_then_borrow_mut() {
        RefCell<String> x = fresh("v");
        Ref<String> b1 = x.borrow();
        expectTryBorrowMut("x", x, false, "while Ref b1 = x.borrow() lives", "B2");
        panics("B2").verify("x.borrowMut() while Ref b1 = x.borrow() lives", outcome(x::borrowMut));
        Outcome.returned("v").because("B1").verify("b1.get() after the refused borrows", outcome(b1::get));
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"B2", "B3"})
    void no_double_borrow_mut() {
        RefCell<String> x = fresh("v");
        expectTryBorrow("x", x, true, "on a new cell", "B1");
        RefMut<String> b1 = require("x.borrowMut() after x.tryBorrow()'s Ref was closed", "B4", x::borrowMut);
        expectTryBorrow("x", x, false, "while RefMut b1 = x.borrowMut() lives", "B2");
        expectTryBorrowMut("x", x, false, "while RefMut b1 = x.borrowMut() lives", "B2");
        panics("B2").verify("x.borrowMut() while RefMut b1 = x.borrowMut() lives", outcome(x::borrowMut));
        b1.close();
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"B4"})
    void imm_release_borrow_mut() {
        RefCell<String> x = fresh("v");
        x.borrow().close();
        RefMut<String> m = require("x.borrowMut() after x.borrow().close()", "B4", x::borrowMut);
        m.close();
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"B4"})
    void mut_release_borrow_mut() {
        RefCell<String> x = fresh("v");
        x.borrowMut().close();
        Ref<String> r = require("x.borrow() after x.borrowMut().close()", "B4", x::borrow);
        r.close();
        RefMut<String> m = require("x.borrowMut() after x.borrowMut().close() and x.borrow().close()", "B4",
                x::borrowMut);
        m.close();
    }

    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"B4"})
    void double_borrow_single_release_no_borrow_mut() {
        RefCell<String> x = fresh("v");
        Ref<String> b1 = x.borrow();
        Ref<String> b2 = require("x.borrow() while Ref b1 = x.borrow() lives", "B1", x::borrow);
        b2.close();
        expectTryBorrow("x", x, true, "after b2.close(), while b1 still lives", "B1");
        expectTryBorrowMut("x", x, false, "after b2.close(), while b1 still lives", "B4");
        b1.close();
        expectTryBorrowMut("x", x, true, "after b1.close() and b2.close()", "B4");
    }

    /** In Rust, {@code let _ = _b;} does not drop {@code _b}; here, a Ref that is never closed keeps its borrow. */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"B4"})
    void discard_doesnt_unborrow() {
        RefCell<String> x = fresh("v");
        x.borrow(); // discarded, never closed: still a borrow
        panics("B4").verify("x.borrowMut() after a x.borrow() whose Ref was never closed",
                outcome(x::borrowMut));
    }

    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"B5"})
    void ref_clone_updates_flag() {
        RefCell<String> x = fresh("v");
        Ref<String> b1 = x.borrow();
        expectTryBorrow("x", x, true, "while Ref b1 = x.borrow() lives", "B1");
        expectTryBorrowMut("x", x, false, "while Ref b1 = x.borrow() lives", "B2");
        Ref<String> b2 = require("b1.cloneRef()", "B5", b1::cloneRef);
        Outcome.returned("v").because("B5").verify("b2.get() after Ref b2 = b1.cloneRef()", outcome(b2::get));
        expectTryBorrow("x", x, true, "while b1 and its clone b2 live", "B1");
        expectTryBorrowMut("x", x, false, "while b1 and its clone b2 live", "B5");
        b2.close();
        expectTryBorrow("x", x, true, "after the clone b2 was closed, while b1 lives", "B1");
        expectTryBorrowMut("x", x, false, "after the clone b2 was closed, while b1 lives", "B5");
        b1.close();
        expectTryBorrow("x", x, true, "after b1 and its clone b2 were closed", "B4");
        expectTryBorrowMut("x", x, true, "after b1 and its clone b2 were closed", "B5");
    }

    /** {@code Ref::map} moves the borrow to the mapped handle: the flag does not change. */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"B4", "B1"})
    void ref_map_does_not_update_flag() {
        RefCell<Optional<Integer>> x = fresh(Optional.of(5));
        Ref<Optional<Integer>> b1 = x.borrow();
        expectTryBorrow("x", x, true, "while Ref b1 = x.borrow() lives", "B1");
        expectTryBorrowMut("x", x, false, "while Ref b1 = x.borrow() lives", "B2");
        Ref<Integer> b2 = require("b1.map(Optional::get)", "B4", () -> b1.map(Optional::get));
        Outcome.returned(5).because("B1").verify("b2.get() after Ref<Integer> b2 = b1.map(Optional::get)",
                outcome(b2::get));
        expectTryBorrow("x", x, true, "while the mapped Ref b2 lives", "B1");
        expectTryBorrowMut("x", x, false, "while the mapped Ref b2 lives: the borrow moved from b1 to b2", "B4");
        b2.close();
        expectTryBorrow("x", x, true, "after the mapped Ref b2 was closed", "B4");
        expectTryBorrowMut("x", x, true, "after the mapped Ref b2 was closed: b1 was used up by map", "B4");
    }

    /** After {@code map}, the old handle is used up: E0382 to use, nothing to close; the borrow is the new one's. */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"B4"})
    void mapped_ref_is_used_up() {
        RefCell<String> x = fresh("hello");
        Ref<String> b1 = x.borrow();
        Ref<Integer> b2 = require("b1.map(String::length)", "B4", () -> b1.map(String::length));
        usedUp().verify("b1.get() after b1.map(..)", outcome(b1::get));
        usedUp().verify("b1.cloneRef() after b1.map(..)", outcome(b1::cloneRef));
        usedUp().verify("b1.map(..) after b1.map(..)", outcome(() -> b1.map(String::length)));
        Outcome.done().because("B4").verify("b1.close() after b1.map(..)", outcomeOfRun(b1::close));
        expectTryBorrowMut("x", x, false, "after b1.map(..) and b1.close(): the mapped Ref b2 still holds the "
                + "borrow", "B4");
        Outcome.returned(5).because("B1").verify("b2.get() after b1.close()", outcome(b2::get));
        b2.close();
        expectTryBorrowMut("x", x, true, "after the mapped Ref b2 was closed", "B4");
    }

    /** A {@code map} whose function throws maps nothing: the exception comes out as it is, the old handle holds on. */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"B4"})
    void failing_map_keeps_the_borrow() {
        RefCell<String> x = fresh("v");
        Ref<String> b1 = x.borrow();
        Planted planted = new Planted();
        Throwable thrown = null;
        try {
            b1.map(v -> {
                throw planted;
            });
        } catch (fearless.api.Unimplemented stub) {
            throw stub;
        } catch (Throwable t) {
            thrown = t;
        }
        if (thrown != planted) {
            throw new AssertionFailedError("b1.map(f) whose f throws must let f's exception through, the very same "
                    + "object (B4); " + (thrown == null ? "it returned normally"
                    : "it threw " + Safely.describe(thrown) + " instead"));
        }
        Outcome.returned("v").because("B4").verify("b1.get() after a b1.map(f) whose f threw: nothing was mapped, "
                + "b1 still holds its borrow", outcome(b1::get));
        expectTryBorrowMut("x", x, false, "after a b1.map(f) whose f threw, while b1 lives", "B4");
        b1.close();
        expectTryBorrowMut("x", x, true, "after a b1.map(f) whose f threw, then b1.close()", "B4");
    }

    /** A closed handle is a dropped one: using it is E0382 ({@code drop(r); *r}), and it writes nothing. */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"B4"})
    void handles_after_close() {
        RefCell<String> x = fresh("v");
        Ref<String> r = x.borrow();
        r.close();
        usedUp().verify("r.get() after r.close()", outcome(r::get));
        usedUp().verify("r.cloneRef() after r.close()", outcome(r::cloneRef));
        usedUp().verify("r.map(..) after r.close()", outcome(() -> r.map(String::length)));
        expectTryBorrowMut("x", x, true, "after r.close() and the refused uses of r", "B4");
        RefMut<String> m = x.borrowMut();
        m.close();
        usedUp().verify("m.get() after m.close()", outcome(m::get));
        usedUp().verify("m.set(\"late\") after m.close()", outcomeOfRun(() -> m.set("late")));
        try (Ref<String> check = require("x.borrow() after m.close()", "B4", x::borrow)) {
            Outcome.returned("v").because("B4").verify("x.borrow().get() after a refused m.set(\"late\") on the "
                    + "closed m", outcome(check::get));
        }
    }

    /** Closing a handle twice releases its borrow once: the second close must not release another's. */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"B4"})
    void close_twice_releases_once() {
        RefCell<String> x = fresh("v");
        Ref<String> b1 = x.borrow();
        Ref<String> b2 = x.borrow();
        b2.close();
        Outcome.done().because("B4").verify("a second b2.close()", outcomeOfRun(b2::close));
        expectTryBorrowMut("x", x, false, "after b2.close() twice, while b1 still lives", "B4");
        b1.close();
        expectTryBorrowMut("x", x, true, "after b1.close()", "B4");
        RefMut<String> m = x.borrowMut();
        m.close();
        Ref<String> b3 = require("x.borrow() after m.close()", "B4", x::borrow);
        Outcome.done().because("B4").verify("a second m.close(), while Ref b3 = x.borrow() lives",
                outcomeOfRun(m::close));
        expectTryBorrowMut("x", x, false, "after a second m.close(), while Ref b3 = x.borrow() lives", "B4");
        b3.close();
    }

    /** The Ok of a {@code try} form is a borrow like any other: it counts, and closing it releases it. */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"B3", "B4"})
    void try_borrow_handles_count() {
        RefCell<String> x = fresh("v");
        Ref<String> r = require("x.tryBorrow().unwrap() on a new cell", "B3", () -> x.tryBorrow().unwrap());
        Outcome.returned("v").because("B3").verify("r.get() for Ref r = x.tryBorrow().unwrap()", outcome(r::get));
        expectTryBorrowMut("x", x, false, "while Ref r = x.tryBorrow().unwrap() lives", "B3");
        r.close();
        RefMut<String> m = require("x.tryBorrowMut().unwrap() after r.close()", "B3", () -> x.tryBorrowMut().unwrap());
        m.set("w");
        expectTryBorrow("x", x, false, "while RefMut m = x.tryBorrowMut().unwrap() lives", "B3");
        expectTryBorrowMut("x", x, false, "while RefMut m = x.tryBorrowMut().unwrap() lives", "B3");
        m.close();
        try (Ref<String> check = require("x.borrow() after m.close()", "B4", x::borrow)) {
            Outcome.returned("w").because("B3").verify("x.borrow().get() after m.set(\"w\") through the try form's "
                    + "RefMut", outcome(check::get));
        }
    }

    /** The mutable borrow reads and writes the cell's own value. */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"B2"})
    void ref_mut_writes_through() {
        RefCell<String> x = fresh("a");
        try (RefMut<String> m = x.borrowMut()) {
            Outcome.returned("a").because("B2").verify("m.get() on a new cell holding \"a\"", outcome(m::get));
            m.set("b");
            Outcome.returned("b").because("B2").verify("m.get() after m.set(\"b\")", outcome(m::get));
        }
        try (Ref<String> r = require("x.borrow() after the RefMut was closed", "B4", x::borrow)) {
            Outcome.returned("b").because("B2").verify("x.borrow().get() after m.set(\"b\") and m.close()",
                    outcome(r::get));
        }
        try (RefMut<String> m2 = x.borrowMut()) {
            Outcome.returned("b").because("B2").verify("a second borrowMut().get()", outcome(m2::get));
        }
    }

    /** A cell may hold {@code null}, like any value. */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"B1"})
    void null_value() {
        RefCell<String> x = fresh(null);
        try (Ref<String> r = x.borrow()) {
            Outcome.returned(null).because("B1").verify("x.borrow().get() on a cell of null", outcome(r::get));
        }
        Outcome.returned(null).because("B6").verify("x.replace(\"v\") on a cell of null", outcome(() -> x.replace("v")));
        Outcome.returned("v").because("B6").verify("x.take(() -> null) after x.replace(\"v\")",
                outcome(() -> x.take(() -> null)));
        try (RefMut<String> m = x.borrowMut()) {
            Outcome.returned(null).because("B2").verify("x.borrowMut().get() after x.take(() -> null)", outcome(m::get));
        }
    }

    /** B6: replace while borrowed panics and changes nothing; on a free cell it hands the old value back. */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"B6"})
    void refcell_replace_borrows() {
        RefCell<String> x = fresh("0");
        Ref<String> b = x.borrow();
        panics("B6").verify("x.replace(\"1\") while Ref b = x.borrow() lives", outcome(() -> x.replace("1")));
        Outcome.returned("0").because("B6").verify("b.get() after the refused x.replace(\"1\")", outcome(b::get));
        b.close();
        RefMut<String> m = x.borrowMut();
        panics("B6").verify("x.replace(\"1\") while RefMut m = x.borrowMut() lives", outcome(() -> x.replace("1")));
        Outcome.returned("0").because("B6").verify("m.get() after the refused x.replace(\"1\")", outcome(m::get));
        m.close();
        Outcome.returned("0").because("B6").verify("x.replace(\"1\") on a free cell holding \"0\"",
                outcome(() -> x.replace("1")));
        expectTryBorrowMut("x", x, true, "after x.replace(\"1\"): replace must release its own borrow", "B6");
        try (Ref<String> r = x.borrow()) {
            Outcome.returned("1").because("B6").verify("x.borrow().get() after x.replace(\"1\")", outcome(r::get));
        }
    }

    /** B6: swap while either cell is borrowed, or with itself, panics and changes nothing. */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"B6"})
    void refcell_swap_borrows() {
        RefCell<String> x = fresh("0");
        RefCell<String> y = fresh("1");
        Ref<String> b = x.borrow();
        panics("B6").verify("x.swap(y) while Ref b = x.borrow() lives", outcomeOfRun(() -> x.swap(y)));
        panics("B6").verify("y.swap(x) while Ref b = x.borrow() lives", outcomeOfRun(() -> y.swap(x)));
        b.close();
        expectTryBorrowMut("y", y, true, "after the refused y.swap(x): a swap that panics must release the borrow it "
                + "took of y", "B6");
        RefMut<String> m = y.borrowMut();
        panics("B6").verify("x.swap(y) while RefMut m = y.borrowMut() lives", outcomeOfRun(() -> x.swap(y)));
        Outcome.returned("1").because("B6").verify("m.get() after the refused x.swap(y)", outcome(m::get));
        m.close();
        expectTryBorrowMut("x", x, true, "after the refused x.swap(y): a swap that panics must release the borrow it "
                + "took of x", "B6");
        panics("B6").verify("x.swap(x): Rust's swap borrows both cells mutably, so the same cell twice is already "
                + "borrowed", outcomeOfRun(() -> x.swap(x)));
        expectTryBorrowMut("x", x, true, "after the refused x.swap(x)", "B6");
        Outcome.done().because("B6").verify("x.swap(y) when both are free", outcomeOfRun(() -> x.swap(y)));
        try (Ref<String> rx = x.borrow(); Ref<String> ry = y.borrow()) {
            Outcome.returned("1").because("B6").verify("x.borrow().get() after x.swap(y)", outcome(rx::get));
            Outcome.returned("0").because("B6").verify("y.borrow().get() after x.swap(y)", outcome(ry::get));
        }
        expectTryBorrowMut("x", x, true, "after x.swap(y) and the Refs closed", "B6");
        expectTryBorrowMut("y", y, true, "after x.swap(y) and the Refs closed", "B6");
    }

    /** B6: take while borrowed panics and changes nothing; on a free cell it leaves the default in place. */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"B6"})
    void refcell_take_borrows() {
        RefCell<String> x = fresh("0");
        Ref<String> b = x.borrow();
        panics("B6").verify("x.take(() -> \"\") while Ref b = x.borrow() lives", outcome(() -> x.take(() -> "")));
        b.close();
        RefMut<String> m = x.borrowMut();
        panics("B6").verify("x.take(() -> \"\") while RefMut m = x.borrowMut() lives",
                outcome(() -> x.take(() -> "")));
        Outcome.returned("0").because("B6").verify("m.get() after the refused x.take(..)", outcome(m::get));
        m.close();
        AtomicInteger defaults = new AtomicInteger();
        Outcome.returned("0").because("B6").verify("x.take(() -> \"\") on a free cell holding \"0\"",
                outcome(() -> x.take(() -> {
                    defaults.incrementAndGet();
                    return "";
                })));
        try (Ref<String> r = require("x.borrow() after x.take(..)", "B6", x::borrow)) {
            Outcome.returned("").because("B6").verify("x.borrow().get() after x.take(() -> \"\")", outcome(r::get));
        }
        if (defaults.get() != 1) {
            throw new AssertionFailedError("x.take(defaultValue) on a free cell must call defaultValue once, for the "
                    + "value it leaves in the cell (B6); it called it " + defaults.get() + " times");
        }
        expectTryBorrowMut("x", x, true, "after x.take(..)", "B6");
    }

    /** A misuse panics with Rust's own words (rustc 1.95), as a {@code Panic}, not as a compile error. */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"B2", "B6"})
    void panic_messages() {
        RefCell<String> x = fresh("v");
        RefCell<String> y = fresh("w");
        try (RefMut<String> m = x.borrowMut()) {
            panics(ALREADY_MUTABLY_BORROWED, "B2").verify("x.borrow() while RefMut m = x.borrowMut() lives",
                    outcome(x::borrow));
            panics(ALREADY_BORROWED, "B2").verify("x.borrowMut() while RefMut m = x.borrowMut() lives",
                    outcome(x::borrowMut));
        }
        try (Ref<String> r = x.borrow()) {
            panics(ALREADY_BORROWED, "B2").verify("x.borrowMut() while Ref r = x.borrow() lives",
                    outcome(x::borrowMut));
            panics(ALREADY_BORROWED, "B6").verify("x.replace(\"z\") while Ref r = x.borrow() lives",
                    outcome(() -> x.replace("z")));
            panics(ALREADY_BORROWED, "B6").verify("x.swap(y) while Ref r = x.borrow() lives",
                    outcomeOfRun(() -> x.swap(y)));
            panics(ALREADY_BORROWED, "B6").verify("y.swap(x) while Ref r = x.borrow() lives",
                    outcomeOfRun(() -> y.swap(x)));
            panics(ALREADY_BORROWED, "B6").verify("x.take(() -> \"\") while Ref r = x.borrow() lives",
                    outcome(() -> x.take(() -> "")));
        }
        panics(ALREADY_BORROWED, "B6").verify("x.swap(x)", outcomeOfRun(() -> x.swap(x)));
    }
}
