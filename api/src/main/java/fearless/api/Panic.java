package fearless.api;

/**
 * Rust's {@code panic!}: an unrecoverable failure, carrying its payload. In Rust a panic unwinds
 * the thread; in Java it is an unchecked exception that does the same.
 */
public class Panic extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Object payload;

    /** A panic whose payload is its message, like {@code panic!("...")}. */
    public Panic(String message) {
        this(message, message);
    }

    /** A panic with a message and an arbitrary payload, like {@code std::panic::panic_any}. */
    public Panic(String message, Object payload) {
        super(message);
        this.payload = payload;
    }

    /** What the panic carries: what {@code JoinHandle::join} hands back in Rust. */
    public Object payload() {
        return payload;
    }
}
