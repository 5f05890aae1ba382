package fearless.api.cell;

/** Why {@link RefCell#tryBorrow()} failed: the value is mutably borrowed (Rust's {@code BorrowError}). */
public record BorrowError() {

    @Override
    public String toString() {
        return "BorrowError";
    }
}
