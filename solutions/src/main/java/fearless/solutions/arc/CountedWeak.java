package fearless.solutions.arc;

import fearless.api.Unimplemented;
import fearless.api.sync.Arc;
import fearless.api.sync.Weak;
import java.util.Optional;

/** TODO(scaffold): Rust's sync::Weak<T>. */
public final class CountedWeak<T> implements Weak<T> {

    static <T> Weak<T> dangling() {
        throw new Unimplemented("arc", "course-notes/09-shared-state.md");
    }

    @Override
    public Optional<Arc<T>> upgrade() {
        throw new Unimplemented("arc", "course-notes/09-shared-state.md");
    }

    @Override
    public int strongCount() {
        throw new Unimplemented("arc", "course-notes/09-shared-state.md");
    }

    @Override
    public int weakCount() {
        throw new Unimplemented("arc", "course-notes/09-shared-state.md");
    }

    @Override
    public Weak<T> cloneWeak() {
        throw new Unimplemented("arc", "course-notes/09-shared-state.md");
    }

    @Override
    public void close() {
        throw new Unimplemented("arc", "course-notes/09-shared-state.md");
    }
}
