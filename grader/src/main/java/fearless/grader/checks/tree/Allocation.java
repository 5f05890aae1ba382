package fearless.grader.checks.tree;

import java.util.function.Consumer;

/**
 * One value shared through the {@link Ledger}: Rust's {@code RcBox}, with its books open. It knows
 * its strong count, how many {@code Weak} handles to it are open, and whether its drop action ran;
 * the checks read these, never the submission's own account of them.
 *
 * @param <T> the shared value (for the tree, a node)
 */
final class Allocation<T> {

    private final int id;
    private final Consumer<? super T> drop;
    private T value;
    private int strong = 1;
    private int weak;
    private boolean dropped;
    private boolean unwrapped;
    private String name;

    Allocation(int id, T value, Consumer<? super T> drop) {
        this.id = id;
        this.value = value;
        this.drop = drop;
    }

    /** What the checks call the value ({@code "n3"}), or {@code #id} if they never named it. */
    String name() {
        return name == null ? "#" + id : name;
    }

    void name(String name) {
        this.name = name;
    }

    boolean named() {
        return name != null;
    }

    T value() {
        return value;
    }

    void value(T replacement) {
        value = replacement;
    }

    int strongCount() {
        return strong;
    }

    /** Open {@code Weak} handles to this value, whether or not it still lives (Rust frees the RcBox only at 0). */
    int weakHandles() {
        return weak;
    }

    /** Whether a strong reference remains, so that a {@code Weak} can upgrade (A5). */
    boolean valueLives() {
        return strong > 0;
    }

    /** Whether the value's drop action ran (it runs once, at the last strong close). */
    boolean dropped() {
        return dropped;
    }

    void retain() {
        strong++;
    }

    /**
     * One strong reference fewer; at zero the drop action runs (A2). The count is zero before the
     * action starts, as in Rust: while a node drops, its children's weak links no longer upgrade.
     */
    void release() {
        strong--;
        if (strong == 0 && !unwrapped) {
            dropped = true;
            drop.accept(value);
        }
    }

    /** Takes the value out of the last strong reference ({@code Rc::try_unwrap}): no drop. */
    T unwrap() {
        strong = 0;
        unwrapped = true;
        return value;
    }

    void addWeak() {
        weak++;
    }

    void removeWeak() {
        weak--;
    }
}
