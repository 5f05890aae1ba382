package fearless.grader.checks.kit;

import fearless.api.ownership.Box;
import fearless.api.ownership.BoxProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The kit's {@link BoxProvider}: Rust's {@code Box<T>} done right, logging every drop with the
 * thread that ran it, so a check can tell whether a value moved into a thread was dropped there.
 */
public final class KitBoxes implements BoxProvider {

    /** One drop: the value dropped and the thread whose code dropped it. */
    public record Drop(Object value, Thread thread) {
    }

    private final List<Drop> drops = new ArrayList<>();

    @Override
    public <T> Box<T> create(T value, Consumer<? super T> drop) {
        Objects.requireNonNull(drop, "drop");
        return new KitBox<>(value, v -> {
            synchronized (drops) {
                drops.add(new Drop(v, Thread.currentThread()));
            }
            drop.accept(v);
        });
    }

    /** A box whose drop only logs. */
    public <T> Box<T> create(T value) {
        return create(value, v -> {
        });
    }

    /** Every drop so far, in order. */
    public List<Drop> drops() {
        synchronized (drops) {
            return List.copyOf(drops);
        }
    }

    /** How many times {@code value} (by identity) was dropped. */
    public int dropsOf(Object value) {
        return (int) drops().stream().filter(d -> d.value() == value).count();
    }
}
