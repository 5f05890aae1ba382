package fearless.grader.checks.refcell;

import static fearless.grader.checks.refcell.Cells.expectTryBorrow;
import static fearless.grader.checks.refcell.Cells.expectTryBorrowMut;
import static fearless.grader.checks.refcell.Cells.fresh;
import static fearless.grader.checks.refcell.Cells.outcome;
import static fearless.grader.checks.refcell.Cells.outcomeOfRun;

import fearless.api.ErrorCode;
import fearless.api.cell.Ref;
import fearless.api.cell.RefCell;
import fearless.api.cell.RefCellProvider;
import fearless.api.cell.RefMut;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Submission;
import fearless.grader.check.property.Outcome;
import fearless.grader.check.race.Bounded;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * B7 seen from a real second thread: a cell and its borrows belong to the thread that created the
 * cell. Every call from another thread is E0277 and changes nothing, whatever the state of the
 * cell or of the handle. Nothing here races for time: each thread makes its calls while the other
 * waits, so the verdict never rests on scheduling.
 */
@Exercise("ref-cell")
class RefCellRaceChecks {

    /** A cell's calls never wait for anything: this only bounds a submission that hangs. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static Outcome notSync() {
        return Outcome.error(ErrorCode.E0277).because("B7");
    }

    /** Runs {@code calls} on a second thread, while this one waits, and returns what each call did. */
    private static <T> T onOtherThread(String what, Callable<T> calls) {
        return Bounded.call("calls on a cell from another thread did not return (B7): " + what, TIMEOUT, calls);
    }

    /** Fails unless every call in {@code seen} failed with E0277. */
    private static void allRefused(Map<String, Outcome> seen, String where) {
        for (Map.Entry<String, Outcome> call : seen.entrySet()) {
            notSync().verify(call.getKey() + " " + where, call.getValue());
        }
    }

    /** Every method of the cell, called from another thread, is E0277 and leaves the cell as it was. */
    @Graded(points = 2, category = Category.RACE, rules = {"B7"})
    void cell_is_not_sync() {
        RefCell<String> x = fresh("x0");
        RefCell<String> y = fresh("y0");
        x.borrow().close();
        Map<String, Outcome> seen = onOtherThread("x.borrow(), x.borrowMut(), ...", () -> {
            Map<String, Outcome> calls = new LinkedHashMap<>();
            calls.put("x.borrow()", outcome(x::borrow));
            calls.put("x.borrowMut()", outcome(x::borrowMut));
            calls.put("x.tryBorrow()", outcome(x::tryBorrow));
            calls.put("x.tryBorrowMut()", outcome(x::tryBorrowMut));
            calls.put("x.replace(\"z\")", outcome(() -> x.replace("z")));
            calls.put("x.swap(y)", outcomeOfRun(() -> x.swap(y)));
            calls.put("x.take(() -> \"z\")", outcome(() -> x.take(() -> "z")));
            return calls;
        });
        allRefused(seen, "on another thread than the one that created x (a RefCell is not Sync)");
        try (Ref<String> r = x.borrow()) {
            Outcome other = onOtherThread("x.borrowMut() while x is borrowed", () -> outcome(x::borrowMut));
            notSync().verify("x.borrowMut() on another thread while Ref r = x.borrow() lives: the thread comes first, "
                    + "so E0277, not a panic", other);
            Outcome.returned("x0").because("B7").verify("r.get() after the other thread's calls", outcome(r::get));
        }
        expectTryBorrowMut("x", x, true, "on x's own thread after another thread's refused calls: they must "
                + "take no borrow", "B7");
        try (RefMut<String> m = x.borrowMut()) {
            Outcome.returned("x0").because("B7").verify("x.borrowMut().get() after another thread's refused "
                    + "replace, swap and take", outcome(m::get));
        }
        try (Ref<String> r = y.borrow()) {
            Outcome.returned("y0").because("B7").verify("y.borrow().get() after another thread's refused x.swap(y)",
                    outcome(r::get));
        }
    }

    /** Every method of a Ref or RefMut, live or closed, called from another thread, is E0277; the borrows stay. */
    @Graded(points = 2, category = Category.RACE, rules = {"B7"})
    void handles_are_not_send() {
        RefCell<String> x = fresh("x0");
        Ref<String> r = x.borrow();
        Ref<String> closed = x.borrow();
        closed.close();
        RefCell<String> y = fresh("y0");
        RefMut<String> m = y.borrowMut();
        Map<String, Outcome> seen = onOtherThread("r.get(), r.cloneRef(), ...", () -> {
            Map<String, Outcome> calls = new LinkedHashMap<>();
            calls.put("r.get()", outcome(r::get));
            calls.put("r.cloneRef()", outcome(r::cloneRef));
            calls.put("r.map(v -> v + \".\")", outcome(() -> r.map(CellOps.PART)));
            calls.put("r.close()", outcomeOfRun(r::close));
            calls.put("closed.get() (closed on its own thread)", outcome(closed::get));
            calls.put("closed.close() (closed on its own thread)", outcomeOfRun(closed::close));
            calls.put("m.get()", outcome(m::get));
            calls.put("m.set(\"z\")", outcomeOfRun(() -> m.set("z")));
            calls.put("m.close()", outcomeOfRun(m::close));
            return calls;
        });
        allRefused(seen, "on another thread than the cell's (a Ref or RefMut is neither Send nor Sync)");
        expectTryBorrowMut("x", x, false, "after another thread's refused r.close(): r still holds its borrow", "B7");
        Outcome.returned("x0").because("B7").verify("r.get() on its own thread after another thread's refused "
                + "r.map(..)", outcome(r::get));
        r.close();
        expectTryBorrowMut("x", x, true, "after r.close() on its own thread", "B4");
        Outcome.returned("y0").because("B7").verify("m.get() after another thread's refused m.set(\"z\")",
                outcome(m::get));
        expectTryBorrow("y", y, false, "after another thread's refused m.close(): m still holds its borrow", "B7");
        m.close();
        expectTryBorrow("y", y, true, "after m.close() on its own thread", "B4");
    }

    /** A cell belongs to the thread that created it, from the start, whoever uses it first. */
    @Graded(points = 2, category = Category.RACE, rules = {"B7"})
    void created_thread_owns_the_cell() {
        RefCellProvider cells = Submission.provider(RefCellProvider.class);
        RefCell<String> mine = cells.create("mine");
        List<RefCell<String>> theirs = onOtherThread("creating and using cells on a second thread", () -> {
            RefCell<String> unused = cells.create("unused");
            RefCell<String> used = cells.create("used");
            Outcome.returned("used").because("B7").verify("used.replace(\"used'\") on the thread that created used",
                    outcome(() -> used.replace("used'")));
            try (Ref<String> r = Outcome.require("used.borrow() on the thread that created used", "B7", used::borrow)) {
                Outcome.returned("used'").because("B7").verify("used.borrow().get() on the thread that created used",
                        outcome(r::get));
            }
            return List.of(unused, used);
        });
        RefCell<String> unused = theirs.get(0);
        RefCell<String> used = theirs.get(1);
        notSync().verify("unused.borrow() on this thread, though another thread created unused (and never used "
                + "it): a cell belongs to its creator from the start", outcome(unused::borrow));
        notSync().verify("used.tryBorrowMut() on this thread, though another thread created used",
                outcome(used::tryBorrowMut));
        Outcome.returned("mine").because("B7").verify("mine.replace(\"mine'\") on the thread that created mine, "
                + "after another thread created cells of its own", outcome(() -> mine.replace("mine'")));
    }
}
