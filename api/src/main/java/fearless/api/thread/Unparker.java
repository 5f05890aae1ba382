package fearless.api.thread;

/** Unparks one {@link Parker}, from any thread (Rust's {@code Thread::unpark}). */
public interface Unparker {

    /**
     * Makes the token available (T7): wakes the parker's thread if it is parked, otherwise its
     * next park returns at once. Tokens do not add up: two unparks before a park leave one token.
     * Never blocks.
     */
    void unpark();
}
