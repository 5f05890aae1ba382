package fearless.exercises.borrows;

import fearless.api.borrow.Owner;
import fearless.api.borrow.OwnerProvider;
import java.util.function.Consumer;

/** How the grader finds your {@link LendingOwner}. Nothing to do here. */
public final class LendingOwners implements OwnerProvider {

    @Override
    public <T> Owner<T> create(T value, Consumer<? super T> drop) {
        return new LendingOwner<>(value, drop);
    }
}
