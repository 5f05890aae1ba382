package fearless.exercises.arc;

import fearless.api.Result;
import fearless.api.Unimplemented;
import fearless.api.sync.Arc;
import fearless.api.sync.Weak;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** TODO(scaffold): Rust's Arc<T>. */
public final class CountedArc<T> implements Arc<T> {

    static <T> Arc<T> create(T value, Consumer<? super T> drop) {
        throw new Unimplemented("arc", "course-notes/09-shared-state.md");
    }

    @Override
    public T get() {
        throw new Unimplemented("arc", "course-notes/09-shared-state.md");
    }

    @Override
    public Arc<T> cloneArc() {
        throw new Unimplemented("arc", "course-notes/09-shared-state.md");
    }

    @Override
    public Weak<T> downgrade() {
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
    public boolean ptrEq(Arc<T> other) {
        throw new Unimplemented("arc", "course-notes/09-shared-state.md");
    }

    @Override
    public Result<T, Arc<T>> tryUnwrap() {
        throw new Unimplemented("arc", "course-notes/09-shared-state.md");
    }

    @Override
    public boolean getMut(UnaryOperator<T> update) {
        throw new Unimplemented("arc", "course-notes/09-shared-state.md");
    }

    @Override
    public void close() {
        throw new Unimplemented("arc", "course-notes/09-shared-state.md");
    }
}
