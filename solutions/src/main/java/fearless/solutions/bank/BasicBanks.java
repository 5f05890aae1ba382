package fearless.solutions.bank;

import fearless.api.capstones.Bank;
import fearless.api.capstones.BankProvider;
import fearless.api.mutex.MutexProvider;

/** The solution's provider: a bank on the mutexes the grader gives. */
public final class BasicBanks implements BankProvider {

    @Override
    public Bank open(long[] balances, MutexProvider mutexes) {
        return new BasicBank(balances, mutexes);
    }
}
