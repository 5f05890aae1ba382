package fearless.solutions.dropscope;

import fearless.api.OwnershipError;
import fearless.api.Panic;
import fearless.api.ownership.DropScope;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A Rust block's scope: it drops what it owns when it ends, last owned first (O4), as a block
 * drops its locals last declared first.
 *
 * <p>The values sit on a stack, so ending the scope is just popping it. Membership is by
 * identity, never {@code equals}: two equal values are still two values with two owners. A scope
 * belongs to one thread, as a Rust block does, so the contract asks for no locking; the methods
 * are {@code synchronized} all the same, which costs little. {@link #close()} takes the values out
 * under the lock and drops them outside it, because a drop action is foreign code and must not
 * run while we hold a lock it knows nothing about.
 */
public final class Scope implements DropScope {

    /** The owned values, last owned on top. */
    private final Deque<AutoCloseable> stack = new ArrayDeque<>();
    /** The same values, for a constant-time identity test. */
    private final Set<AutoCloseable> members = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean ended;

    /** O2: a value already owned here was moved into the scope; giving it again is a use after move. */
    @Override
    public synchronized <R extends AutoCloseable> R own(R value) {
        Objects.requireNonNull(value, "a scope owns values, not null");
        ensureOpen();
        if (!members.add(value)) {
            throw OwnershipError.useAfterMove("this value is already owned by the scope");
        }
        stack.push(value);
        return value;
    }

    /** O2, O4: the caller becomes the owner, so the scope must forget the value. */
    @Override
    public synchronized <R extends AutoCloseable> R moveOut(R value) {
        ensureOpen();
        if (value == null || !members.remove(value)) {
            throw OwnershipError.useAfterMove(
                    "this value is not owned by the scope (never owned, or moved out already)");
        }
        for (Iterator<AutoCloseable> it = stack.iterator(); it.hasNext(); ) {
            if (it.next() == value) {
                it.remove();
                break;
            }
        }
        return value;
    }

    @Override
    public synchronized int owned() {
        return stack.size();
    }

    /**
     * O3, O4: drops every owned value once, in reverse order. A failing drop does not stop the
     * others; the first failure is rethrown at the end, with later ones attached as suppressed.
     */
    @Override
    public void close() {
        List<AutoCloseable> toDrop;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            toDrop = new ArrayList<>(stack); // top of the stack first
            stack.clear();
            members.clear();
        }
        Throwable first = null;
        for (AutoCloseable value : toDrop) {
            try {
                value.close();
            } catch (Throwable failure) {
                if (failure instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (first == null) {
                    first = failure;
                } else if (failure != first) {
                    first.addSuppressed(failure);
                }
            }
        }
        if (first != null) {
            rethrow(first);
        }
    }

    private void ensureOpen() {
        if (ended) {
            throw OwnershipError.useAfterMove("this scope has ended and owns nothing");
        }
    }

    /** Unchecked failures propagate as they are; a checked one becomes a panic, as in Rust. */
    private static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        Panic panic = new Panic("a value's drop failed: " + failure, failure);
        panic.initCause(failure);
        throw panic;
    }
}
