package fearless.api.mutex;

/**
 * The error of a poisoned lock. It still carries what the operation would have returned (the
 * guard, or the inner value), because the data is reachable; the caller decides whether to trust
 * it (X5).
 */
public record PoisonError<G>(G inner) {

    /** What the poisoned operation would have returned (Rust's {@code into_inner}). */
    public G intoInner() {
        return inner;
    }

    @Override
    public String toString() {
        return "PoisonError { .. }";
    }
}
