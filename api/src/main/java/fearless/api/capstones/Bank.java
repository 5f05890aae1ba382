package fearless.api.capstones;

/**
 * Accounts holding whole amounts, each behind a mutex of its own, and transfers between them
 * that many threads make at once, in both directions at once too. A transfer locks both of its
 * accounts; two transfers that lock the same two accounts in opposite orders can each hold one
 * lock and wait forever for the other. Rust's type system stops data races, not deadlocks: the
 * order of the locks is the program's job.
 *
 * <p>Rules (see {@code course-notes/10-capstones.md}): D1 (a transfer is atomic: money is
 * neither made nor lost, and a total never sees it half done), D2 (no deadlock: every thread
 * takes the locks it holds together in one global order) and D3 (no account goes negative: the
 * balance is checked under the lock that guards it).
 */
public interface Bank {

    /**
     * Moves {@code amount} from account {@code from} to account {@code to}, as one step that no
     * other thread can see half done (D1): returns {@code true}. If {@code from} holds less than
     * {@code amount}, it moves nothing and returns {@code false}: no account ever goes negative,
     * whatever other transfers run at the same time (D3). Any number of threads may transfer at
     * once, between any accounts and in opposite directions, and no interleaving deadlocks (D2).
     * Transfers that share no account never wait for each other (D2).
     * A transfer from an account to itself moves nothing, and returns whether the account holds
     * at least {@code amount}. A negative {@code amount} is refused with an
     * {@link IllegalArgumentException}, an account that does not exist with an
     * {@link IndexOutOfBoundsException}; either way nothing moves.
     */
    boolean transfer(int from, int to, long amount);

    /** The balance of {@code account} now (an {@link IndexOutOfBoundsException} if there is no such account). */
    long balance(int account);

    /**
     * The sum of every balance, as one snapshot: it holds every account's lock at once, taken in
     * the same global order as the transfers take theirs, so it never sees a transfer half done
     * and always equals the total the bank opened with (D1, D2).
     */
    long total();
}
