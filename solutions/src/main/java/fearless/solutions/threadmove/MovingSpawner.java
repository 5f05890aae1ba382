package fearless.solutions.threadmove;

import fearless.api.OwnershipError;
import fearless.api.ownership.Box;
import fearless.api.thread.JoinHandle;
import fearless.api.thread.MoveSpawner;
import fearless.api.thread.Threads;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Rust's {@code thread::spawn(move || ...)} over lesson 1's boxes. The move happens on the
 * calling thread, before the thread is started, so the caller's handle is dead by the time
 * {@code spawn} returns; the thread's body runs inside a try-with-resources on the moved handle,
 * which drops the value on that thread however the body ends, and lets the body's own failure win
 * over a failing drop (the drop's becomes a suppressed exception).
 */
final class MovingSpawner implements MoveSpawner {

    private final Threads threads;

    MovingSpawner(Threads threads) {
        this.threads = Objects.requireNonNull(threads, "threads");
    }

    @Override
    public <V, R> JoinHandle<R> spawn(Box<V> value, Function<? super Box<V>, ? extends R> body) {
        Objects.requireNonNull(body, "body");
        Box<V> mine = value.move();
        return start(List.of(mine), () -> {
            try (mine) {
                return body.apply(mine);
            }
        });
    }

    @Override
    public <V, R> JoinHandle<R> spawnAll(List<? extends Box<V>> values,
            Function<? super List<Box<V>>, ? extends R> body) {
        Objects.requireNonNull(body, "body");
        Set<Box<V>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Box<V> value : values) {
            if (!value.isOwner()) {
                throw OwnershipError.useAfterMove("spawnAll: a box in the list was already moved or dropped");
            }
            if (!seen.add(value)) {
                throw OwnershipError.useAfterMove("spawnAll: the same box is in the list twice, and a value "
                        + "cannot be moved twice");
            }
        }
        List<Box<V>> mine = new ArrayList<>(values.size());
        try {
            for (Box<V> value : values) {
                mine.add(value.move());
            }
        } catch (RuntimeException | Error e) {
            // Another thread dropped one of the boxes since the check above: the values moved so
            // far are ours, and we drop them, as a panicking Rust function drops what it owns.
            dropInOrder(mine);
            throw e;
        }
        List<Box<V>> handed = Collections.unmodifiableList(mine);
        return start(mine, () -> {
            try (Drops drops = () -> dropInOrder(mine)) {
                return body.apply(handed);
            }
        });
    }

    /**
     * Starts {@code body} through the given {@link Threads}. If no thread could be started, the
     * values it would have owned are dropped here, as Rust drops a closure that never ran.
     */
    private <R> JoinHandle<R> start(List<? extends Box<?>> owned, Supplier<R> body) {
        try {
            return threads.spawn(body);
        } catch (RuntimeException | Error e) {
            dropInOrder(owned);
            throw e;
        }
    }

    /**
     * Closes every handle front to back, as Rust drops a {@code Vec}'s elements (O4); a handle
     * the body moved on closes to nothing. Every handle is closed even if one drop throws; the
     * first failure is thrown at the end, later ones suppressed into it.
     */
    private static void dropInOrder(List<? extends Box<?>> owned) {
        Throwable first = null;
        for (Box<?> box : owned) {
            try {
                box.close();
            } catch (RuntimeException | Error e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first instanceof RuntimeException r) {
            throw r;
        }
        if (first instanceof Error e) {
            throw e;
        }
    }

    /** The drop of every handle the thread owns, as one resource, so try-with-resources can order it after the body. */
    private interface Drops extends AutoCloseable {
        @Override
        void close();
    }
}
