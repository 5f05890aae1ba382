package fearless.api.sync;

import fearless.api.Result;
import java.util.function.UnaryOperator;

/**
 * Rust's {@code std::sync::Arc<T>}: shared ownership across threads. It is {@link fearless.api.rc.Rc}
 * with counts that stay exact when many threads clone and close handles of one value at once.
 *
 * <pre>{@code
 * Arc<List<Integer>> data = arcs.create(List.of(1, 2, 3), v -> log("drop"));
 * for (int i = 0; i < 3; i++) {
 *     Arc<List<Integer>> mine = data.cloneArc();         // let mine = Arc::clone(&data);
 *     threads.spawn(() -> { try (mine) { use(mine.get()); } });   // move || { ... }
 * }
 * data.close();                      // "drop" once, when the last of the four handles closes
 * }</pre>
 *
 * <p>Rules (see {@code course-notes/09-shared-state.md}):
 * <ul>
 *   <li>A1 {@link #cloneArc()} raises the strong count; closing a handle lowers it;</li>
 *   <li>A2 the value's drop action runs exactly once, when the strong count reaches zero, even if
 *       weak references remain;</li>
 *   <li>A3 {@link #tryUnwrap()} succeeds exactly when the strong count is one;</li>
 *   <li>A4 {@link #getMut} succeeds only with no other strong and no weak reference;</li>
 *   <li>A5 {@link Weak#upgrade()} fails once the strong count is zero;</li>
 *   <li>A6 all of this holds when any number of threads clone, upgrade and close handles of the
 *       same value at the same time: no count is lost, the value is dropped once, never while a
 *       handle still owns it, and never left undropped.</li>
 * </ul>
 * Every use of a closed or unwrapped handle, except {@link #close()}, is
 * {@link fearless.api.OwnershipError} E0382; passing one to {@link #ptrEq} is a use too. A handle
 * is one owner: one thread uses and closes it, as a Rust value is moved into one thread; threads
 * share the value by each holding a clone of their own.
 *
 * @param <T> the shared value
 */
public interface Arc<T> extends AutoCloseable {

    /** The shared value ({@code *arc}). */
    T get();

    /** Another strong reference to the same value ({@code Arc::clone(&arc)}): strong count + 1 (A1). */
    Arc<T> cloneArc();

    /** A weak reference to the value ({@code Arc::downgrade(&arc)}): weak count + 1. */
    Weak<T> downgrade();

    /** How many strong references (live handles) the value has ({@code Arc::strong_count}). */
    int strongCount();

    /** How many weak references (live {@link Weak} handles) the value has ({@code Arc::weak_count}). */
    int weakCount();

    /** Whether both handles share one value ({@code Arc::ptr_eq}). */
    boolean ptrEq(Arc<T> other);

    /**
     * {@code Ok(value)} if this is the only strong reference ({@code Arc::try_unwrap}): this handle
     * is used up, the value is the caller's and is not dropped, and weak references can no longer
     * upgrade. Otherwise {@code Err} with this very handle, which still owns its share (A3). When
     * two threads call it on the last two handles at once, at most one of them gets the value, and
     * then the value is not dropped.
     */
    Result<T, Arc<T>> tryUnwrap();

    /**
     * Rust's {@code Arc::get_mut}: if there is no other strong and no weak reference, replaces the
     * value with {@code update}'s result and returns {@code true}; otherwise returns {@code false}
     * and does not call {@code update} (A4). {@code update} takes the old value over (it is not
     * dropped), and the drop action later receives the new one.
     */
    boolean getMut(UnaryOperator<T> update);

    /**
     * Drops this strong reference: strong count - 1, and at zero the value's drop action runs
     * (A2), on the thread that closed the last handle. Does nothing on a handle already closed or
     * unwrapped. The count is zero before the drop action runs, so from inside the action no
     * {@link Weak} upgrades any more (A5). If the action throws, the exception propagates as it
     * is, and the handle and the value stay dropped.
     */
    @Override
    void close();
}
