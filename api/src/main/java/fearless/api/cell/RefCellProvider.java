package fearless.api.cell;

/**
 * How the grader obtains a submission's {@link RefCell}. Register the implementation in
 * {@code META-INF/services/fearless.api.cell.RefCellProvider}.
 */
public interface RefCellProvider {

    /** A new cell holding {@code value} (may be {@code null}), owned by the calling thread (B7). */
    <T> RefCell<T> create(T value);
}
