package fearless.grader.checks.channel;

import java.util.List;

/**
 * A message that notices being dropped: its {@code close()} adds it to a shared log (so the log
 * shows which messages were closed, how often, and in which order), then throws its failure, if it
 * has one. Compared by identity.
 */
final class Message implements AutoCloseable {

    private final int id;
    private final List<Message> log;
    private final Throwable failure;

    Message(int id, List<Message> log) {
        this(id, log, null);
    }

    Message(int id, List<Message> log, Throwable failure) {
        this.id = id;
        this.log = log;
        this.failure = failure;
    }

    @Override
    public void close() throws Exception {
        synchronized (log) {
            log.add(this);
        }
        if (failure instanceof Exception e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    @Override
    public String toString() {
        return "m" + id;
    }
}
