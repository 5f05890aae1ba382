package fearless.exercises.bank;

import fearless.api.capstones.Bank;
import fearless.api.capstones.BankProvider;
import fearless.api.mutex.MutexProvider;

/** How the grader finds your {@link BasicBank}. Nothing to do here. */
public final class BasicBanks implements BankProvider {

    @Override
    public Bank open(long[] balances, MutexProvider mutexes) {
        return new BasicBank(balances, mutexes);
    }
}
