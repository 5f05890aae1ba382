package fearless.solutions.spawn;

import fearless.api.thread.Builder;
import fearless.api.thread.JoinHandle;
import java.util.Objects;
import java.util.function.Supplier;

/** Rust's {@code thread::Builder}: the settings of one thread, here only its name. */
public final class ThreadBuilder implements Builder {

    /** The thread's name, or {@code null} for an unnamed thread. */
    private String name;

    @Override
    public Builder name(String name) {
        this.name = Objects.requireNonNull(name, "a thread's name must not be null");
        return this;
    }

    @Override
    public <T> JoinHandle<T> spawn(Supplier<? extends T> body) {
        return ThreadHandle.start(Objects.requireNonNull(body, "body"), name);
    }
}
