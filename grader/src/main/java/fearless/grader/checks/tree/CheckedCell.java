package fearless.grader.checks.tree;

import fearless.api.ErrorCode;
import fearless.api.OwnershipError;
import fearless.api.Panic;
import fearless.api.Result;
import fearless.api.cell.BorrowError;
import fearless.api.cell.BorrowMutError;
import fearless.api.cell.Ref;
import fearless.api.cell.RefCell;
import fearless.api.cell.RefMut;
import java.util.function.Supplier;

/**
 * One cell of {@link CheckedCells}: Rust's {@code RefCell<T>}, with its panic messages as rustc
 * 1.95 prints them. A borrow flag, as in Rust: the number of shared borrowState, or {@code -1} while
 * mutably borrowed.
 */
final class CheckedCell<T> implements RefCell<T> {

    static final String ALREADY_BORROWED = "RefCell already borrowed";
    static final String ALREADY_MUTABLY_BORROWED = "RefCell already mutably borrowed";

    private static final int MUTABLY = -1;

    private final CheckedCells books;
    private final Thread home = Thread.currentThread();
    private T value;
    private int borrowState;

    CheckedCell(CheckedCells books, T value) {
        this.books = books;
        this.value = value;
    }

    @Override
    public Ref<T> borrow() {
        ensureOwner();
        if (borrowState == MUTABLY) {
            throw new Panic(ALREADY_MUTABLY_BORROWED);
        }
        return share();
    }

    @Override
    public RefMut<T> borrowMut() {
        ensureOwner();
        if (borrowState != 0) {
            throw new Panic(ALREADY_BORROWED);
        }
        return lend();
    }

    @Override
    public Result<Ref<T>, BorrowError> tryBorrow() {
        ensureOwner();
        return borrowState == MUTABLY ? Result.err(new BorrowError()) : Result.ok(share());
    }

    @Override
    public Result<RefMut<T>, BorrowMutError> tryBorrowMut() {
        ensureOwner();
        return borrowState != 0 ? Result.err(new BorrowMutError()) : Result.ok(lend());
    }

    @Override
    public T replace(T replacement) {
        ensureOwner();
        ensureFree();
        books.changed();
        T old = value;
        value = replacement;
        return old;
    }

    /** As Rust's {@code swap}, which borrowState both mutably: a cell swapped with itself panics. */
    @Override
    public void swap(RefCell<T> other) {
        ensureOwner();
        if (!(other instanceof CheckedCell<T> that)) {
            throw new IllegalArgumentException("the kit's cell can only swap with another of the kit's cells");
        }
        that.ensureOwner();
        ensureFree();
        if (that == this) {
            throw new Panic(ALREADY_BORROWED);
        }
        that.ensureFree();
        books.changed();
        T mine = value;
        value = that.value;
        that.value = mine;
    }

    @Override
    public T take(Supplier<? extends T> defaultValue) {
        return replace(defaultValue.get());
    }

    private Ref<T> share() {
        borrowState++;
        books.opened();
        return new CheckedRef<>(this, value);
    }

    private RefMut<T> lend() {
        borrowState = MUTABLY;
        books.opened();
        books.changed();
        return new CheckedRefMut<>(this);
    }

    /** One more shared borrow of the same value ({@code Ref::clone}, B5). */
    void shareAgain() {
        borrowState++;
        books.opened();
    }

    void releaseShared() {
        borrowState--;
        books.closed();
    }

    void releaseMutable() {
        borrowState = 0;
        books.closed();
    }

    T value() {
        return value;
    }

    void value(T replacement) {
        value = replacement;
    }

    private void ensureFree() {
        if (borrowState != 0) {
            throw new Panic(ALREADY_BORROWED);
        }
    }

    /** B7: a {@code RefCell} is {@code !Sync}. The tree's checks run on one thread, so this only guards. */
    void ensureOwner() {
        if (Thread.currentThread() != home) {
            throw new OwnershipError(ErrorCode.E0277, "a RefCell used from a thread other than the one that made it");
        }
    }
}
