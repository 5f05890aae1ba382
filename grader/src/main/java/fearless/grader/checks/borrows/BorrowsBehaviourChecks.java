package fearless.grader.checks.borrows;

import fearless.api.ErrorCode;
import fearless.api.borrow.Mutable;
import fearless.api.borrow.Owner;
import fearless.api.borrow.OwnerProvider;
import fearless.api.borrow.Shared;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Submission;
import fearless.grader.check.property.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * Example-based checks, one per rule and rustc error: each is a small Rust program that rustc
 * accepts or refuses, written with the kit's owners and borrows, and the feedback names the Rust
 * line each Java call stands for.
 */
@Exercise("borrows")
class BorrowsBehaviourChecks {

    /** The values the drop action received, in order. */
    private final List<Object> drops = new ArrayList<>();

    private <T> Owner<T> create(T value) {
        return Submission.provider(OwnerProvider.class).create(value, drops::add);
    }

    /**
     * Fails unless {@code actual} is {@code expected}: "{@code call} should ... (rule), but ...",
     * then {@code why}, the Rust behind it.
     */
    private static void expect(String call, Outcome expected, Outcome actual, String why) {
        if (!expected.matches(actual)) {
            throw new AssertionFailedError(call + " should " + expected.asExpected() + " (" + expected.rule()
                    + "), but " + actual.asActual() + "." + (why.isEmpty() ? "" : " " + why));
        }
    }

    /** {@code call} must be refused with {@code code}. Calls that make a handle are run for what they throw. */
    private static void refused(String call, ErrorCode code, String rule, Runnable attempt, String why) {
        expect(call, Outcome.error(code).because(rule), Outcome.ofRun(attempt), why);
    }

    /** {@code call} must return {@code value}. */
    private static void reads(String call, Object value, String rule, Outcome actual, String why) {
        expect(call, Outcome.returned(value).because(rule), actual, why);
    }

    /** {@code call} must complete. */
    private static void succeeds(String call, String rule, Runnable attempt, String why) {
        expect(call, Outcome.done().because(rule), Outcome.ofRun(attempt), why);
    }

    /** Fails unless the drop action received exactly {@code expected}, in order. */
    private void expectDrops(String why, Object... expected) {
        if (!drops.equals(Arrays.asList(expected))) {
            throw new AssertionFailedError(why + ": the values dropped so far should be " + show(Arrays.asList(expected))
                    + ", but are " + show(drops) + ".");
        }
    }

    private static String show(List<?> values) {
        return values.stream().map(Outcome::show).collect(Collectors.joining(", ", "[", "]"));
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionFailedError(message);
        }
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"B1"})
    void shared_borrows_coexist() {
        Owner<String> s = create("hello");
        Shared<String> r1 = Outcome.require("s.borrow() (let r1 = &s;)", "B1", s::borrow);
        Shared<String> r2 = Outcome.require("a second s.borrow() while r1 lives (let r2 = &s;)", "B1", s::borrow);
        Shared<String> r3 = Outcome.require("a third s.borrow() while r1 and r2 live (let r3 = &s;)", "B1", s::borrow);
        reads("r1.get() while r2 and r3 live too", "hello", "B1", Outcome.of(r1::get), "");
        reads("r2.get() while r1 and r3 live too", "hello", "B1", Outcome.of(r2::get), "");
        reads("r3.get() while r1 and r2 live too", "hello", "B1", Outcome.of(r3::get), "");
        r3.close();
        r2.close();
        r1.close();
        expectDrops("a borrow never owns, so closing r1, r2 and r3 must drop nothing (B1)");
        succeeds("s.close() once r1, r2 and r3 are closed", "B1", s::close, "");
        expectDrops("s.close() must drop s's value once (O3)", "hello");
    }

    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"B2"})
    void second_mutable_borrow_is_e0499() {
        Owner<String> s = create("hello");
        Mutable<String> m1 = Outcome.require("s.borrowMut() (let m1 = &mut s;)", "B2", s::borrowMut);
        refused("a second s.borrowMut() while m1 = s.borrowMut() lives", ErrorCode.E0499, "B2", s::borrowMut,
                "rustc: let m2 = &mut s; while m1 is still used is error[E0499], cannot borrow `s` as mutable more "
                        + "than once at a time.");
        reads("m1.get() after the second s.borrowMut() was refused", "hello", "B2", Outcome.of(m1::get),
                "A refused borrow changes nothing.");
        m1.close();
        Mutable<String> m2 = Outcome.require("s.borrowMut() after m1.close()", "B4", s::borrowMut);
        reads("m2.get()", "hello", "B2", Outcome.of(m2::get), "");
        m2.close();
        s.close();
        expectDrops("s.close() must drop s's value once (O3)", "hello");
    }

    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"B2"})
    void mutable_beside_shared_is_e0502() {
        Owner<String> s = create("hello");
        Shared<String> r = Outcome.require("s.borrow() (let r = &s;)", "B1", s::borrow);
        refused("s.borrowMut() while r = s.borrow() lives", ErrorCode.E0502, "B2", s::borrowMut,
                "rustc: let m = &mut s; while r = &s is still used is error[E0502], a mutable borrow beside a "
                        + "shared one (E0499 is for two mutable borrows).");
        reads("r.get() after s.borrowMut() was refused", "hello", "B1", Outcome.of(r::get),
                "A refused borrow changes nothing.");
        r.close();
        Mutable<String> m = Outcome.require("s.borrowMut() after r.close()", "B4", s::borrowMut);
        refused("s.borrow() while m = s.borrowMut() lives", ErrorCode.E0502, "B2", s::borrow,
                "rustc: let r = &s; while m = &mut s is still used is error[E0502], cannot borrow `s` as immutable "
                        + "because it is also borrowed as mutable.");
        reads("m.get() after s.borrow() was refused", "hello", "B2", Outcome.of(m::get),
                "A refused borrow changes nothing.");
        m.close();
        Shared<String> again = Outcome.require("s.borrow() after m.close()", "B4", s::borrow);
        again.close();
        s.close();
        expectDrops("s.close() must drop s's value once (O3)", "hello");
    }

    /** Rust's own RefCell test, "dropping one of two borrows still blocks a mutable one", for the borrow checker. */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"B4"})
    void closing_a_borrow_releases_it_once() {
        Owner<String> s = create("hello");
        Shared<String> r1 = Outcome.require("s.borrow() (let r1 = &s;)", "B1", s::borrow);
        Shared<String> r2 = Outcome.require("s.borrow() (let r2 = &s;)", "B1", s::borrow);
        r1.close();
        refused("s.borrowMut() after r1.close(), while r2 still lives", ErrorCode.E0502, "B4", s::borrowMut,
                "Closing one of two shared borrows leaves the other.");
        succeeds("a second r1.close()", "B4", r1::close, "");
        refused("s.borrowMut() after r1 was closed twice, while r2 still lives", ErrorCode.E0502, "B4", s::borrowMut,
                "A borrow gives its place back once, however often it is closed.");
        r2.close();
        Mutable<String> m1 = Outcome.require("s.borrowMut() once r1 and r2 are both closed", "B4", s::borrowMut);
        m1.close();
        succeeds("a second m1.close()", "B4", m1::close, "");
        Mutable<String> m2 = Outcome.require("s.borrowMut() after m1 was closed twice", "B4", s::borrowMut);
        succeeds("a third m1.close(), while m2 = s.borrowMut() lives", "B4", m1::close, "");
        refused("s.borrowMut() while m2 lives, after that stale m1.close()", ErrorCode.E0499, "B4", s::borrowMut,
                "Closing m1 again must not end m2's borrow.");
        m2.close();
        s.close();
        expectDrops("s.close() must drop s's value once (O3)", "hello");
    }

    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"O8", "L1"})
    void move_while_borrowed_is_e0505() {
        Owner<String> s = create("hello");
        Shared<String> r = Outcome.require("s.borrow() (let r = &s;)", "B1", s::borrow);
        refused("s.move() while r = s.borrow() lives", ErrorCode.E0505, "O8", s::move,
                "rustc: let t = s; while r = &s is still used is error[E0505], cannot move out of `s` because it "
                        + "is borrowed.");
        check(s.isOwner(), "after the refused s.move(), s.isOwner() should be true (O8), but it is false. rustc "
                + "refuses the move, so s keeps its value.");
        reads("r.get() after the refused s.move()", "hello", "O8", Outcome.of(r::get),
                "A refused move does not end the borrow.");
        refused("s.borrowMut() after the refused s.move(), while r still lives", ErrorCode.E0502, "O8", s::borrowMut,
                "r is still a borrow of s: the refused move must not end it.");
        r.close();
        Mutable<String> m = Outcome.require("s.borrowMut() after r.close()", "B4", s::borrowMut);
        refused("s.move() while m = s.borrowMut() lives", ErrorCode.E0505, "O8", s::move,
                "rustc: let t = s; while m = &mut s is still used is error[E0505].");
        m.close();
        Owner<String> t = Outcome.require("s.move() once r and m are closed (let t = s;)", "O8", s::move);
        check(!s.isOwner(), "after Owner t = s.move(), s.isOwner() should be false (O2), but it is true.");
        Shared<String> rt = Outcome.require("t.borrow() after Owner t = s.move()", "B1", t::borrow);
        reads("rt.get(), where rt = t.borrow() and Owner t = s.move()", "hello", "O8", Outcome.of(rt::get), "");
        rt.close();
        t.close();
        s.close();
        expectDrops("the value must be dropped once, by t, the owner it moved to (O3)", "hello");
    }

    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"O8", "L1"})
    void drop_while_borrowed_is_e0505() {
        Owner<String> s = create("hello");
        Mutable<String> m = Outcome.require("s.borrowMut() (let m = &mut s;)", "B2", s::borrowMut);
        refused("s.close() while m = s.borrowMut() lives", ErrorCode.E0505, "O8", s::close,
                "rustc: drop(s); while m = &mut s is still used is error[E0505], cannot move out of `s` because it "
                        + "is borrowed.");
        expectDrops("the refused s.close() must drop nothing: the value must outlive its borrow m (O8, L1)");
        check(s.isOwner(), "after the refused s.close(), s.isOwner() should be true (O8), but it is false.");
        reads("m.get() after the refused s.close()", "hello", "L1", Outcome.of(m::get),
                "The value must outlive its borrow.");
        m.close();
        Shared<String> r = Outcome.require("s.borrow() after m.close()", "B4", s::borrow);
        refused("s.close() while r = s.borrow() lives", ErrorCode.E0505, "O8", s::close,
                "rustc: drop(s); while r = &s is still used is error[E0505].");
        expectDrops("the refused s.close() must drop nothing (O8, L1)");
        r.close();
        succeeds("s.close() once m and r are closed", "O8", s::close, "");
        expectDrops("s.close() once no borrow lives must drop s's value (O3)", "hello");
        succeeds("a second s.close()", "O3", s::close, "");
        expectDrops("a second s.close() must drop nothing more (O3)", "hello");
    }

    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"L2"})
    void borrow_used_after_close_is_e0597() {
        Owner<String> s = create("hello");
        Shared<String> r = Outcome.require("s.borrow() (let r = &s;)", "B1", s::borrow);
        r.close();
        expect("r.get() after r.close()", Outcome.error(ErrorCode.E0597).because("L2"), Outcome.of(r::get),
                "r's lifetime ended with its close().");
        Mutable<String> m = Outcome.require("s.borrowMut() after r.close()", "B4", s::borrowMut);
        m.close();
        expect("m.get() after m.close()", Outcome.error(ErrorCode.E0597).because("L2"), Outcome.of(m::get),
                "m's lifetime ended with its close().");
        refused("m.set(\"bye\") after m.close()", ErrorCode.E0597, "L2", () -> m.set("bye"),
                "m's lifetime ended with its close().");
        expectDrops("the refused m.set(\"bye\") must drop nothing (L2)");
        Shared<String> r2 = Outcome.require("s.borrow() after m.close()", "B4", s::borrow);
        reads("r2.get() after the refused m.set(\"bye\")", "hello", "L2", Outcome.of(r2::get),
                "A closed borrow changes nothing.");
        r2.close();
        s.close();
        expectDrops("s.close() must drop s's value once (O3)", "hello");
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"L1", "L2"})
    void closed_borrow_of_a_dead_owner_is_e0597() {
        Owner<String> s = create("hello");
        Shared<String> r = Outcome.require("s.borrow() (let r = &s;)", "B1", s::borrow);
        r.close();
        Owner<String> t = Outcome.require("s.move() after r.close() (let t = s;)", "O8", s::move);
        expect("r.get() after r.close() and Owner t = s.move()", Outcome.error(ErrorCode.E0597).because("L1"),
                Outcome.of(r::get), "What is used is the borrow, whose lifetime is over, not the owner (E0382 is for "
                        + "a moved owner).");
        Owner<String> u = create("bye");
        Mutable<String> m = Outcome.require("u.borrowMut() (let m = &mut u;)", "B2", u::borrowMut);
        m.close();
        u.close();
        expect("m.get() after m.close() and u.close()", Outcome.error(ErrorCode.E0597).because("L1"),
                Outcome.of(m::get), "What is used is the borrow, whose lifetime is over, not the owner.");
        refused("m.set(\"late\") after m.close() and u.close()", ErrorCode.E0597, "L1", () -> m.set("late"),
                "What is used is the borrow, whose lifetime is over, not the owner.");
        t.close();
        expectDrops("u.close() and t.close() must each drop their value once, and the refused m.set nothing (O3, L1)",
                "bye", "hello");
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"O2"})
    void dead_owner_is_e0382() {
        Owner<String> s = create("hello");
        Owner<String> t = Outcome.require("s.move() (let t = s;)", "O2", s::move);
        refused("s.borrow() after Owner t = s.move()", ErrorCode.E0382, "O2", s::borrow, "");
        refused("s.borrowMut() after Owner t = s.move()", ErrorCode.E0382, "O2", s::borrowMut, "");
        refused("s.move() after Owner t = s.move()", ErrorCode.E0382, "O2", s::move, "");
        succeeds("s.close() after Owner t = s.move()", "O3", s::close, "");
        expectDrops("s was moved from, so s.close() must drop nothing (O3)");
        t.close();
        expectDrops("t.close() must drop the value once (O3)", "hello");
        check(!t.isOwner(), "after t.close(), t.isOwner() should be false (O2), but it is true.");
        refused("t.borrow() after t.close()", ErrorCode.E0382, "O2", t::borrow, "");
        refused("t.borrowMut() after t.close()", ErrorCode.E0382, "O2", t::borrowMut, "");
        refused("t.move() after t.close()", ErrorCode.E0382, "O2", t::move, "");
        succeeds("a second t.close()", "O3", t::close, "");
        expectDrops("a second t.close() must drop nothing more (O3)", "hello");
    }

    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"O3", "B2"})
    void set_drops_the_old_value() {
        Owner<String> s = create("a");
        Mutable<String> m = Outcome.require("s.borrowMut() (let m = &mut s;)", "B2", s::borrowMut);
        succeeds("m.set(\"b\")", "O3", () -> m.set("b"), "");
        expectDrops("m.set(\"b\") is *m = b;, which drops the old value at once (O3)", "a");
        reads("m.get() after m.set(\"b\")", "b", "B2", Outcome.of(m::get), "");
        succeeds("m.set(\"c\")", "O3", () -> m.set("c"), "");
        expectDrops("each m.set drops the value it replaces (O3)", "a", "b");
        m.close();
        Shared<String> r = Outcome.require("s.borrow() after m.close()", "B4", s::borrow);
        reads("r.get() after m.set(\"c\") and m.close()", "c", "B2", Outcome.of(r::get),
                "m wrote to s's value, not to a copy of it.");
        r.close();
        Owner<String> t = Outcome.require("s.move() (let t = s;)", "O8", s::move);
        Shared<String> rt = Outcome.require("t.borrow() after Owner t = s.move()", "B1", t::borrow);
        reads("rt.get(), where rt = t.borrow() and Owner t = s.move()", "c", "O3", Outcome.of(rt::get),
                "t owns what m wrote last.");
        rt.close();
        t.close();
        expectDrops("t.close() must drop the value written last, once (O3)", "a", "b", "c");
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"O3", "B1"})
    void null_value() {
        Owner<String> s = Outcome.require("create(null, drop), an owner of null", "O3", () -> create(null));
        Shared<String> r = Outcome.require("s.borrow() on an owner of null", "B1", s::borrow);
        reads("r.get() on a borrow of an owner of null", null, "B1", Outcome.of(r::get), "");
        r.close();
        s.close();
        check(drops.size() == 1 && Objects.isNull(drops.get(0)), "s.close() on an owner of null should run the drop "
                + "action once, with null (O3); the values dropped are " + show(drops) + ".");
    }
}
