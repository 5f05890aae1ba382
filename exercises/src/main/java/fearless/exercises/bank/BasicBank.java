package fearless.exercises.bank;

import fearless.api.Unimplemented;
import fearless.api.capstones.Bank;
import fearless.api.mutex.MutexProvider;

/**
 * A bank whose transfers run on many threads at once without losing money or deadlocking
 * (lesson 10, section 9).
 *
 * <p>What it must do:
 * <ul>
 *   <li>The constructor refuses a negative opening balance with an
 *       {@code IllegalArgumentException}, and puts each account's balance in a mutex of its own,
 *       made by {@code mutexes}: one per account. Transfers that share no account never wait for
 *       each other, so there is no lock for the whole bank.</li>
 *   <li>D1: {@code transfer(from, to, amount)} locks both accounts, then debits one and credits
 *       the other: no other thread ever sees the money gone from one and not yet on the other.
 *       {@code total()} holds every account's lock at once while it sums.</li>
 *   <li>D2: a thread that holds two or more account locks took them in one global order, the
 *       same for every thread: increasing account number. Then two transfers in opposite
 *       directions cannot each hold one lock and wait for the other.</li>
 *   <li>D3: the balance is checked after the locks are taken, never before: if {@code from}
 *       holds less than {@code amount}, nothing moves and {@code transfer} returns false.</li>
 *   <li>A transfer to the same account moves nothing and returns whether the account holds the
 *       amount; do not lock its mutex twice (X7). A negative amount is an
 *       {@code IllegalArgumentException}, an account that does not exist an
 *       {@code IndexOutOfBoundsException}.</li>
 * </ul>
 *
 * <p>Hints: {@code Math.min} and {@code Math.max} of the two account numbers say which lock to
 * take first. Two guards in one try-with-resources statement are closed in reverse order.
 */
public final class BasicBank implements Bank {

    private final long[] balances;
    private final MutexProvider mutexes;

    public BasicBank(long[] balances, MutexProvider mutexes) {
        this.balances = balances;
        this.mutexes = mutexes;
    }

    @Override
    public boolean transfer(int from, int to, long amount) {
        throw new Unimplemented("bank", "course-notes/10-capstones.md");
    }

    @Override
    public long balance(int account) {
        throw new Unimplemented("bank", "course-notes/10-capstones.md");
    }

    @Override
    public long total() {
        throw new Unimplemented("bank", "course-notes/10-capstones.md");
    }
}
