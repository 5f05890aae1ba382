package fearless.solutions.arc;

import fearless.api.OwnershipError;
import fearless.api.sync.Arc;
import fearless.api.sync.Weak;
import java.util.Optional;

/**
 * One weak reference, Rust's {@code sync::Weak<T>}: it points at the shared {@link ArcInner} (or
 * at nothing, for {@code Weak::new()}) and counts in its weak count, which never keeps the value.
 *
 * @param <T> the referenced value
 */
public final class CountedWeak<T> implements Weak<T> {

    /** The shared inner, or {@code null} for a weak reference to nothing. */
    private final ArcInner<T> inner;
    private boolean live = true;

    /** A new weak reference to {@code inner} (whose weak count the caller has already raised), or to nothing. */
    CountedWeak(ArcInner<T> inner) {
        this.inner = inner;
    }

    static <T> Weak<T> dangling() {
        return new CountedWeak<>(null);
    }

    /** A5, A6: a strong reference only if the strong count was above zero at the moment it rose. */
    @Override
    public Optional<Arc<T>> upgrade() {
        requireLive();
        if (inner == null || !inner.upgradeStrong()) {
            return Optional.empty();
        }
        return Optional.of(new CountedArc<>(inner));
    }

    @Override
    public int strongCount() {
        requireLive();
        return inner == null ? 0 : inner.strong();
    }

    /** As Rust's {@code Weak::weak_count}: 0 once the value is gone, though weak references remain. */
    @Override
    public int weakCount() {
        requireLive();
        return inner == null || inner.strong() == 0 ? 0 : inner.weak();
    }

    @Override
    public Weak<T> cloneWeak() {
        requireLive();
        if (inner != null) {
            inner.cloneWeak();
        }
        return new CountedWeak<>(inner);
    }

    @Override
    public void close() {
        if (!live) {
            return;
        }
        live = false;
        if (inner != null) {
            inner.releaseWeak();
        }
    }

    private void requireLive() {
        if (!live) {
            throw OwnershipError.useAfterMove("this Weak was already dropped");
        }
    }
}
