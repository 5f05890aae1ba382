package fearless.grader.checks.bank;

import static fearless.grader.checks.bank.Tellers.check;

import fearless.api.Unimplemented;
import fearless.api.capstones.Bank;
import fearless.api.capstones.BankProvider;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Safely;
import fearless.grader.check.Submission;
import java.util.Arrays;
import java.util.function.Supplier;

/** Transfers one at a time: what moves, what is refused, and a transfer from an account to itself. */
@Exercise("bank")
class BankBehaviourChecks {

    /**
     * From {@code [100, 50, 0]}: 30 from 0 to 1 moves; 1 from the empty account 2 is refused and
     * moves nothing (D3); all of account 1's 80 to 2 moves; the total stays 150 (D1).
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"D1", "D3"})
    void transfers_move_money_and_refuse_overdrafts() {
        Tellers tellers = new Tellers();
        Bank bank = tellers.call("open([100, 50, 0])", () -> tellers.open(100, 50, 0));
        expect(tellers, bank, "transfer(0, 1, 30)", () -> bank.transfer(0, 1, 30), true, 70, 50 + 30, 0);
        expect(tellers, bank, "then transfer(2, 1, 1)", () -> bank.transfer(2, 1, 1), false, 70, 80, 0);
        expect(tellers, bank, "then transfer(1, 2, 80)", () -> bank.transfer(1, 2, 80), true, 70, 0, 80);
        expect(tellers, bank, "then transfer(0, 2, 71)", () -> bank.transfer(0, 2, 71), false, 70, 0, 80);
        long total = tellers.call("total()", bank::total);
        check(total == 150, () -> "total() must stay the 150 the bank opened with (D1), but it is " + total);
    }

    /**
     * A transfer from an account to itself moves nothing and says whether the account holds the
     * amount; it must not lock that account twice (X7).
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"D3", "X7"})
    void a_transfer_to_the_same_account_moves_nothing() {
        Tellers tellers = new Tellers();
        Bank bank = tellers.call("open([40, 10])", () -> tellers.open(40, 10));
        expect(tellers, bank, "transfer(0, 0, 25)", () -> bank.transfer(0, 0, 25), true, 40, 10);
        expect(tellers, bank, "then transfer(1, 1, 11)", () -> bank.transfer(1, 1, 11), false, 40, 10);
    }

    /**
     * A negative amount is an IllegalArgumentException, an account that does not exist an
     * IndexOutOfBoundsException, and nothing moves; a negative opening balance is refused; the
     * bank does not share the caller's array.
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"D1"})
    void bad_arguments_are_refused() {
        Tellers tellers = new Tellers();
        long[] opening = {60, 60};
        Bank bank = tellers.call("open([60, 60])", () -> Submission.provider(BankProvider.class)
                .open(opening, tellers.vault));
        tellers.call("transfer(0, 1, 10)", () -> bank.transfer(0, 1, 10));
        opening[0] = 1_000;
        refused(tellers, "transfer(0, 1, -5)", () -> bank.transfer(0, 1, -5), IllegalArgumentException.class);
        refused(tellers, "transfer(0, 2, 5)", () -> bank.transfer(0, 2, 5), IndexOutOfBoundsException.class);
        refused(tellers, "transfer(-1, 0, 5)", () -> bank.transfer(-1, 0, 5), IndexOutOfBoundsException.class);
        refused(tellers, "balance(2)", () -> bank.balance(2), IndexOutOfBoundsException.class);
        long zero = tellers.call("balance(0)", () -> bank.balance(0));
        long one = tellers.call("balance(1)", () -> bank.balance(1));
        check(zero == 50 && one == 70, () -> "after transfer(0, 1, 10) on [60, 60], refused calls and a change to the "
                + "caller's array, the balances must be [50, 70], but they are [" + zero + ", " + one + "]");
        Tellers other = new Tellers();
        refused(other, "open([10, -1])", () -> other.open(10, -1), IllegalArgumentException.class);
    }

    private static void expect(Tellers tellers, Bank bank, String call, Supplier<Boolean> transfer, boolean returns,
            long... balances) {
        boolean got = tellers.call(call, transfer);
        long[] now = new long[balances.length];
        for (int i = 0; i < balances.length; i++) {
            int account = i;
            now[i] = tellers.call("balance(" + i + ")", () -> bank.balance(account));
        }
        check(got == returns && Arrays.equals(now, balances), () -> call + " must return " + returns + " and leave the "
                + "balances " + Arrays.toString(balances) + (returns ? " (D1)" : ": an account without the amount "
                        + "moves nothing (D3)") + ", but it returned " + got + " and left " + Arrays.toString(now));
    }

    /** What a call did: returned a value, or threw. */
    private record Attempt(Object returned, Throwable thrown) {
    }

    private static void refused(Tellers tellers, String call, Supplier<?> body, Class<? extends Throwable> expected) {
        Attempt got = tellers.call(call, () -> {
            try {
                return new Attempt(body.get(), null);
            } catch (Unimplemented stub) {
                throw stub;
            } catch (Throwable e) {
                return new Attempt(null, e);
            }
        });
        check(expected.isInstance(got.thrown()), () -> call + " must throw " + expected.getSimpleName() + ", but it "
                + (got.thrown() == null ? "returned " + Safely.show(got.returned())
                        : "threw " + Safely.describe(got.thrown())));
    }
}
