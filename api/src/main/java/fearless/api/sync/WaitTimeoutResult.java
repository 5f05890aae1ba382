package fearless.api.sync;

/**
 * What {@link Condvar#waitTimeout} returns: the guard, held again, and whether the wait ended
 * because the time ran out (Rust's {@code (MutexGuard, WaitTimeoutResult)} pair, C3).
 *
 * @param guard the guard, holding the lock again
 * @param timedOut {@code true} if the timeout passed before a wake-up
 * @param <G> the guard's type
 */
public record WaitTimeoutResult<G>(G guard, boolean timedOut) {
}
