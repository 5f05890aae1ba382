package fearless.grader.checks.bank;

import static fearless.grader.checks.bank.Tellers.check;

import fearless.api.capstones.Bank;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.structure.RuleCheck;
import fearless.grader.check.structure.StructureRules;
import fearless.grader.checks.kit.KitMutex;
import java.util.List;

/**
 * How the bank is built: one mutex per account, made through the provider given and holding the
 * opening balance, and no lock of the JDK's beside them. The check first runs the bank, so a stub
 * fails with its "not yet implemented" rather than pass for using nothing forbidden.
 */
@Exercise("bank")
class BankStructureChecks {

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"D2"})
    void one_given_mutex_per_account() {
        Tellers tellers = new Tellers();
        Bank bank = tellers.call("open([5, 6, 7, 8])", () -> tellers.open(5, 6, 7, 8));
        tellers.call("transfer(0, 3, 5)", () -> bank.transfer(0, 3, 5));
        List<KitMutex<?>> made = tellers.vault.made();
        long locks = tellers.vault.locksTaken();
        check(made.size() == 4 && locks >= 2, () -> "each account's balance lives in a mutex of its own, made by the "
                + "MutexProvider given, and a transfer locks both of its accounts (D2), but a bank of 4 accounts made "
                + made.size() + (made.size() == 1 ? " mutex" : " mutexes") + " through it, and transfer(0, 3, 5) took "
                + locks + (locks == 1 ? " lock" : " locks"));
        RuleCheck.assertHolds("bank", StructureRules.noJdkLocks(),
                "the bank uses a lock of java.util.concurrent.locks: lock each account through the mutex made for it "
                        + "by the MutexProvider given (D2)",
                Tellers.LESSON);
    }
}
