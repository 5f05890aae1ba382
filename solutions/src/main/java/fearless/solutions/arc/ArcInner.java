package fearless.solutions.arc;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The one allocation every handle of a value shares, Rust's {@code ArcInner}: the value, its drop
 * action and both counts, which are atomic because handles of one value live on many threads (A6).
 *
 * <p>Every change of a count is one atomic step: an increment, a decrement that learns the new
 * value in the same step, or a compare-and-set loop where the change depends on the old value
 * (an upgrade only from a count above zero, an unwrap only from exactly one). Whoever takes the
 * strong count to zero, and only that thread, owns the value from then on: it drops it (close) or
 * hands it out (tryUnwrap).
 *
 * @param <T> the shared value
 */
final class ArcInner<T> {

    /** The weak count while {@link #isUnique()} looks at the strong count: no downgrade meanwhile. */
    private static final int LOCKED = -1;

    private final AtomicInteger strong = new AtomicInteger(1);
    private final AtomicInteger weak = new AtomicInteger();
    private final Consumer<? super T> drop;
    private volatile T value;

    ArcInner(T value, Consumer<? super T> drop) {
        this.value = value;
        this.drop = Objects.requireNonNull(drop, "drop");
    }

    T value() {
        return value;
    }

    /** Only the unique owner calls this, after {@link #isUnique()}. */
    void replaceValue(T newValue) {
        value = newValue;
    }

    int strong() {
        return strong.get();
    }

    int weak() {
        int now = weak.get();
        return now == LOCKED ? 0 : now;
    }

    /** A1: the caller holds a strong reference, so the count is above zero and stays so. */
    void cloneStrong() {
        strong.incrementAndGet();
    }

    /**
     * A5, A6: one more strong reference, but only while there is one already. The test and the
     * increment are one compare-and-set: a close taking the count to zero between them makes the
     * set fail, and the loop sees the zero.
     */
    boolean upgradeStrong() {
        int seen = strong.get();
        while (seen > 0) {
            if (strong.compareAndSet(seen, seen + 1)) {
                return true;
            }
            seen = strong.get();
        }
        return false;
    }

    /**
     * A2, A6: one strong reference fewer. The decrement and the look at its result are one step, so
     * exactly one thread sees zero and drops the value. The value leaves the inner before the
     * drop action runs, so weak references do not keep it reachable.
     */
    void releaseStrong() {
        if (strong.decrementAndGet() == 0) {
            T dropped = value;
            value = null;
            drop.accept(dropped);
        }
    }

    /** A3, A6: from exactly one strong reference to none in one step; then the value is the caller's. */
    boolean claimLast() {
        return strong.compareAndSet(1, 0);
    }

    /** After a successful {@link #claimLast()}: the value, which is no longer shared. */
    T takeValue() {
        T taken = value;
        value = null;
        return taken;
    }

    /**
     * A4: no weak reference and one strong one, the caller's. The weak count is locked while the
     * strong count is read, so no weak reference can appear (and upgrade) in between; once both
     * hold, nothing else can reach the value, since only the caller's handle could make a new one.
     */
    boolean isUnique() {
        if (!weak.compareAndSet(0, LOCKED)) {
            return false;
        }
        boolean unique = strong.get() == 1;
        weak.set(0);
        return unique;
    }

    /** A downgrade: waits out an {@link #isUnique()} in progress on another handle, which is brief. */
    void downgradeWeak() {
        while (true) {
            int seen = weak.get();
            if (seen == LOCKED) {
                Thread.onSpinWait();
            } else if (weak.compareAndSet(seen, seen + 1)) {
                return;
            }
        }
    }

    /** A weak clone: the caller holds a weak reference, so the count is not locked. */
    void cloneWeak() {
        weak.incrementAndGet();
    }

    void releaseWeak() {
        weak.decrementAndGet();
    }
}
