package fearless.exercises.dropscope;

import fearless.api.Unimplemented;
import fearless.api.ownership.DropScope;

/**
 * Exercise {@code drop-scope}: a block's scope, as Rust sees it.
 *
 * <p>Build a scope that owns {@code AutoCloseable} values and closes ("drops") them when the scope
 * ends, last owned first. A value {@linkplain #moveOut moved out} before the end belongs to the
 * caller and is not dropped by the scope. A scope that has ended owns nothing: {@code own} and
 * {@code moveOut} on it throw {@code OwnershipError.useAfterMove(...)} (E0382), and so does moving
 * out a value the scope does not own. If one drop throws, drop the rest anyway, then rethrow the
 * first failure (a checked exception wrapped in a {@code fearless.api.Panic}). Closing twice does
 * nothing. Owning a value the scope already owns is E0382 (O1); a value moved out may be owned
 * again; {@code own(null)} is a {@code NullPointerException}.
 *
 * <p>Rules: O1, O2, O3, O4. Read {@code course-notes/01-ownership.md} first.
 *
 * <p>Hints:
 * <ul>
 *   <li>Reverse order of {@code own} is a stack, not a queue ({@code ArrayDeque.push} / iteration):
 *       the scope stands for a block's locals, which Rust drops last declared first.</li>
 *   <li>Compare by identity ({@code ==}), not {@code equals}: two equal values are still two
 *       values, with two owners. {@code List.remove(Object)} uses {@code equals}.</li>
 *   <li>Wrap each drop in its own {@code try}/{@code catch}; remember only the first failure.</li>
 *   <li>Two drops may throw the same exception object: it is one failure, and
 *       {@code addSuppressed} refuses to attach an exception to itself.</li>
 *   <li>A scope belongs to one thread, like a Rust block: it needs no locks.</li>
 * </ul>
 */
public final class Scope implements DropScope {

    // Suggested state (your choice): a stack of the owned values, and a flag saying whether the
    // scope has ended.

    /**
     * Takes ownership of {@code value} and returns it. E0382 once the scope has ended (O2), or if
     * it owns {@code value} already (O1).
     */
    @Override
    public <R extends AutoCloseable> R own(R value) {
        throw new Unimplemented("drop-scope", "course-notes/01-ownership.md");
    }

    /** Gives {@code value} to the caller: the scope will not drop it (O4). E0382 if not owned (O2). */
    @Override
    public <R extends AutoCloseable> R moveOut(R value) {
        throw new Unimplemented("drop-scope", "course-notes/01-ownership.md");
    }

    /** How many values the scope still owns. */
    @Override
    public int owned() {
        throw new Unimplemented("drop-scope", "course-notes/01-ownership.md");
    }

    /** Drops what the scope still owns, last owned first, each exactly once (O3, O4). */
    @Override
    public void close() {
        throw new Unimplemented("drop-scope", "course-notes/01-ownership.md");
    }
}
