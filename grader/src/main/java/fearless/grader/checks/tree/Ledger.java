package fearless.grader.checks.tree;

import fearless.api.rc.Rc;
import fearless.api.rc.RcProvider;
import fearless.api.rc.Weak;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The kit's own {@code Rc} and {@code Weak}, passed to the tree instead of the student's: the tree
 * is graded on its own, and a broken {@code rc} exercise cannot fail it. Correct, and keeping
 * books: every value shared through it is an {@link Allocation} whose counts and drop the checks
 * read, so a leak (a count that never reaches zero, a {@code Weak} never closed) or a node
 * dropped while still held is seen by the kit itself.
 */
final class Ledger implements RcProvider {

    private final List<Allocation<?>> allocations = new ArrayList<>();

    @Override
    public <T> Rc<T> create(T value, Consumer<? super T> drop) {
        Allocation<T> allocation = new Allocation<>(allocations.size() + 1, value, Objects.requireNonNull(drop, "drop"));
        allocations.add(allocation);
        return new LedgerRc<>(allocation);
    }

    @Override
    public <T> Weak<T> newWeak() {
        return new LedgerWeak<>(null);
    }

    /** The allocation behind {@code handle}, or {@code null} if this ledger did not make it. */
    Allocation<?> allocationOf(Object handle) {
        if (handle instanceof LedgerRc<?> rc && allocations.contains(rc.allocation())) {
            return rc.allocation();
        }
        return null;
    }

    /** Every value shared so far, in the order it was created. */
    List<Allocation<?>> allocations() {
        return List.copyOf(allocations);
    }
}
