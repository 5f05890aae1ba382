package fearless.solutions.spawn;

import fearless.api.thread.Builder;
import fearless.api.thread.JoinHandle;
import fearless.api.thread.Threads;
import java.util.function.Supplier;

/**
 * Rust's {@code thread::spawn}: a builder with no settings. Every call makes a new builder, so a
 * name given to one builder never reaches another thread.
 */
public final class Spawner implements Threads {

    @Override
    public <T> JoinHandle<T> spawn(Supplier<? extends T> body) {
        return builder().spawn(body);
    }

    @Override
    public Builder builder() {
        return new ThreadBuilder();
    }
}
