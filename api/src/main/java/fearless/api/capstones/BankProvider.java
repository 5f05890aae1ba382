package fearless.api.capstones;

import fearless.api.mutex.MutexProvider;

/**
 * How the grader obtains a submission's {@link Bank}. Register the implementation in
 * {@code META-INF/services/fearless.api.capstones.BankProvider}.
 */
public interface BankProvider {

    /**
     * A bank with one account per element of {@code balances}, numbered from 0, each opening with
     * that balance. Each account's balance lives in a mutex of
     * its own, made by {@code mutexes}: one mutex per account. A negative
     * opening balance is refused with an {@link IllegalArgumentException}. The grader passes the
     * kit's own working mutexes, so this exercise is graded on its own even while the mutex
     * exercise is unfinished, and so it sees which thread holds and waits for which account.
     */
    Bank open(long[] balances, MutexProvider mutexes);
}
