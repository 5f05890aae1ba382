package fearless.solutions.rc;

import fearless.api.OwnershipError;
import fearless.api.rc.Rc;
import fearless.api.rc.Weak;
import java.util.Optional;

/**
 * One weak reference, Rust's {@code Weak<T>}: it points at the shared {@link RcBox} (or at
 * nothing, for {@code Weak::new()}) and counts in its weak count, which never keeps the value.
 *
 * @param <T> the referenced value
 */
public final class CountedWeak<T> implements Weak<T> {

    /** The shared box, or {@code null} for a weak reference to nothing. */
    private final RcBox<T> box;
    private boolean live = true;

    /** A new weak reference to {@code box} (whose weak count the caller has already raised), or to nothing. */
    CountedWeak(RcBox<T> box) {
        this.box = box;
    }

    /** A5: a strong reference only while some strong reference remains. */
    @Override
    public Optional<Rc<T>> upgrade() {
        ensureLive();
        if (box == null || !box.alive()) {
            return Optional.empty();
        }
        box.incrementStrong();
        return Optional.of(new CountedRc<>(box));
    }

    @Override
    public int strongCount() {
        ensureLive();
        return box == null ? 0 : box.strong();
    }

    /** As Rust's {@code Weak::weak_count}: 0 once the value is gone, though weak references remain. */
    @Override
    public int weakCount() {
        ensureLive();
        return box == null || !box.alive() ? 0 : box.weak();
    }

    @Override
    public Weak<T> cloneWeak() {
        ensureLive();
        if (box != null) {
            box.incrementWeak();
        }
        return new CountedWeak<>(box);
    }

    @Override
    public void close() {
        if (!live) {
            return;
        }
        live = false;
        if (box != null) {
            box.decrementWeak();
        }
    }

    private void ensureLive() {
        if (!live) {
            throw OwnershipError.useAfterMove("this Weak was already dropped");
        }
    }
}
