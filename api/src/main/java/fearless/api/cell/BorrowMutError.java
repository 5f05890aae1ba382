package fearless.api.cell;

/** Why {@link RefCell#tryBorrowMut()} failed: the value is borrowed (Rust's {@code BorrowMutError}). */
public record BorrowMutError() {

    @Override
    public String toString() {
        return "BorrowMutError";
    }
}
