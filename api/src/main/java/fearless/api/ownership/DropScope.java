package fearless.api.ownership;

/**
 * A block's scope as Rust sees it: every value it owns is dropped when the scope ends, and a value
 * moved out before the end is not dropped by it. The scope stands for the locals of one block, and
 * {@link #own} for a declaration: what it adopts first drops last, whatever order the values were
 * created in.
 * Rust drops a block's locals in reverse order of declaration (a local declared first and
 * initialized later still drops last), while the elements of a {@code Vec} and the fields of a
 * struct drop front to back: a scope models the first, not the others.
 *
 * <pre>{@code
 * try (DropScope scope = scopes.open()) {
 *     Res a = scope.own(new Res("a"));
 *     Res b = scope.own(new Res("b"));
 *     Res c = scope.own(new Res("c"));
 *     keep(scope.moveOut(b));           // b now belongs to the caller
 * }                                     // drops c, then a
 * }</pre>
 *
 * <p>Rules (see {@code course-notes/01-ownership.md}):
 * <ul>
 *   <li>O3 each owned value is dropped ({@code close()}d) exactly once; closing the scope again
 *       does nothing;</li>
 *   <li>O4 values are dropped in reverse order of {@link #own}; values {@link #moveOut moved out}
 *       are not dropped by the scope;</li>
 *   <li>O2 a scope that has ended owns nothing: {@link #own} and {@link #moveOut} on it are E0382,
 *       and so is moving out a value the scope does not own (never owned, or moved out already).</li>
 * </ul>
 * If one drop throws, the scope still drops the rest, then rethrows the first failure: an
 * unchecked exception or an {@link Error} as it is, a checked exception wrapped in a
 * {@link fearless.api.Panic}. Two drops that throw the same exception object are one failure,
 * rethrown as it is.
 *
 * <p>A scope belongs to one thread, as a Rust block does: it need not be safe to use from several
 * threads at once.
 */
public interface DropScope extends AutoCloseable {

    /**
     * Takes ownership of {@code value} and returns it, for use inside the scope. A value has one
     * owner (O1): owning the same object twice in one scope is E0382. A value {@linkplain #moveOut moved out}
     * is the caller's again, so the scope may own it again (it is then dropped once, in its new
     * place). {@code null} is a {@link NullPointerException}: there is nothing to drop.
     */
    <R extends AutoCloseable> R own(R value);

    /**
     * Moves {@code value} out of the scope: the scope no longer drops it; the caller owns it.
     * E0382 if the scope does not own it (compared by identity; a scope never owns {@code null}).
     */
    <R extends AutoCloseable> R moveOut(R value);

    /** How many values the scope still owns. */
    int owned();

    /** Ends the scope: drops what it still owns, last owned first. A second call does nothing. */
    @Override
    void close();
}
