package fearless.solutions.refcell;

import fearless.api.ErrorCode;
import fearless.api.OwnershipError;
import fearless.api.Panic;
import fearless.api.Result;
import fearless.api.cell.BorrowError;
import fearless.api.cell.BorrowMutError;
import fearless.api.cell.Ref;
import fearless.api.cell.RefCell;
import fearless.api.cell.RefMut;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Rust's {@code std::cell::RefCell<T>}, with Rust's own bookkeeping: one borrow flag that counts
 * the live shared borrows, or says {@link #WRITING} while the mutable borrow lives.
 *
 * <p>The flag is a plain {@code int}, not an atomic: the cell never leaves the thread that created
 * it (B7), so no two threads ever touch it. Every public method, on the cell and on its handles,
 * checks the thread first, before it reads or changes anything.
 *
 * <p>Each handle remembers whether it still holds its borrow, so closing it twice releases once
 * (B4). {@link #replace}, {@link #swap} and {@link #take} are built on {@link #borrowMut()}, as in
 * Rust, so they panic exactly when a mutable borrow would, and release what they took on every path.
 *
 * @param <T> the value inside
 */
public final class BasicRefCell<T> implements RefCell<T> {

    /** Rust's panic message for a mutable borrow (and replace, swap, take) while any borrow lives. */
    static final String ALREADY_BORROWED = "RefCell already borrowed";

    /** Rust's panic message for a shared borrow while the mutable borrow lives. */
    static final String ALREADY_MUTABLY_BORROWED = "RefCell already mutably borrowed";

    /** The flag's value while the mutable borrow lives. */
    private static final int WRITING = -1;

    private final Thread owner = Thread.currentThread();
    private T value;
    /** Live shared borrows (0 or more), or {@link #WRITING}. */
    private int borrows;

    /** A new cell holding {@code value}, owned by the calling thread. */
    public BasicRefCell(T value) {
        this.value = value;
    }

    /** B1, B2: a shared borrow, unless the mutable one lives. */
    @Override
    public Ref<T> borrow() {
        ensureOwnerThread("RefCell");
        if (borrows == WRITING) {
            throw new Panic(ALREADY_MUTABLY_BORROWED);
        }
        return share(value);
    }

    /** B2: the mutable borrow, only while no borrow at all lives. */
    @Override
    public RefMut<T> borrowMut() {
        ensureOwnerThread("RefCell");
        if (borrows != 0) {
            throw new Panic(ALREADY_BORROWED);
        }
        return new Exclusive();
    }

    /** B3: {@link #borrow()}'s test, answered with a value. */
    @Override
    public Result<Ref<T>, BorrowError> tryBorrow() {
        ensureOwnerThread("RefCell");
        if (borrows == WRITING) {
            return Result.err(new BorrowError());
        }
        return Result.ok(share(value));
    }

    /** B3: {@link #borrowMut()}'s test, answered with a value. */
    @Override
    public Result<RefMut<T>, BorrowMutError> tryBorrowMut() {
        ensureOwnerThread("RefCell");
        if (borrows != 0) {
            return Result.err(new BorrowMutError());
        }
        return Result.ok(new Exclusive());
    }

    /** B6: {@code mem::replace(&mut *self.borrow_mut(), value)}. */
    @Override
    public T replace(T newValue) {
        try (RefMut<T> mine = borrowMut()) {
            T old = mine.get();
            mine.set(newValue);
            return old;
        }
    }

    /**
     * B6: {@code mem::swap(&mut *self.borrow_mut(), &mut *other.borrow_mut())}. Through
     * {@code other}'s own api, so it works with any cell; {@code a.swap(a)} panics at the second
     * borrow, and this cell's borrow is released when the other's panics.
     */
    @Override
    public void swap(RefCell<T> other) {
        Objects.requireNonNull(other, "other");
        try (RefMut<T> mine = borrowMut(); RefMut<T> theirs = other.borrowMut()) {
            T kept = mine.get();
            mine.set(theirs.get());
            theirs.set(kept);
        }
    }

    /** B6: {@code self.replace(Default::default())}. */
    @Override
    public T take(Supplier<? extends T> defaultValue) {
        Objects.requireNonNull(defaultValue, "defaultValue");
        return replace(defaultValue.get());
    }

    /** B1, B5: one more shared borrow, counted in the flag. The caller checked that no mutable one lives. */
    private <U> Ref<U> share(U view) {
        borrows++;
        return new Shared<>(view);
    }

    /** B7: any thread but the creator's gets E0277, before anything is read or changed. */
    private void ensureOwnerThread(String what) {
        if (Thread.currentThread() != owner) {
            throw new OwnershipError(ErrorCode.E0277, "this " + what + " belongs to thread '" + owner.getName()
                    + "', and a RefCell and its borrows are not Sync: no other thread may use them (B7)");
        }
    }

    /** Where a handle is in its life: it holds its borrow until it is closed or used up by map. */
    private enum State { HOLDING, CLOSED, MAPPED }

    /** A shared borrow: one count of the flag, and the value (or the part of it) it reads. */
    private final class Shared<U> implements Ref<U> {

        private final U view;
        private State state = State.HOLDING;

        /** A handle for a borrow the flag already counts. */
        Shared(U view) {
            this.view = view;
        }

        @Override
        public U get() {
            ensureHolding();
            return view;
        }

        /** B5: a second count, released by the clone's own close(). */
        @Override
        public Ref<U> cloneRef() {
            ensureHolding();
            return share(view);
        }

        /** The borrow moves to the new handle: the count stays as it is. */
        @Override
        public <V> Ref<V> map(Function<? super U, ? extends V> part) {
            Objects.requireNonNull(part, "part");
            ensureHolding();
            V piece = part.apply(view); // if this throws, this handle keeps its borrow
            state = State.MAPPED;
            return new Shared<>(piece); // the same borrow, under a new handle
        }

        /** B4: only the close that ends HOLDING releases the borrow. */
        @Override
        public void close() {
            ensureOwnerThread("Ref");
            if (state == State.HOLDING) {
                state = State.CLOSED;
                borrows--;
            }
        }

        private void ensureHolding() {
            ensureOwnerThread("Ref");
            if (state != State.HOLDING) {
                throw OwnershipError.useAfterMove(state == State.CLOSED
                        ? "this Ref was closed (dropped)"
                        : "this Ref was used up by map(): its borrow moved to the mapped Ref");
            }
        }
    }

    /** The mutable borrow: the flag says WRITING while it holds. */
    private final class Exclusive implements RefMut<T> {

        private boolean holding = true;

        /** Takes the mutable borrow; the caller checked that no borrow lives. */
        Exclusive() {
            borrows = WRITING;
        }

        @Override
        public T get() {
            ensureHolding();
            return value;
        }

        @Override
        public void set(T newValue) {
            ensureHolding();
            value = newValue;
        }

        /** B4: only the first close releases the borrow. */
        @Override
        public void close() {
            ensureOwnerThread("RefMut");
            if (holding) {
                holding = false;
                borrows = 0;
            }
        }

        private void ensureHolding() {
            ensureOwnerThread("RefMut");
            if (!holding) {
                throw OwnershipError.useAfterMove("this RefMut was closed (dropped)");
            }
        }
    }
}
