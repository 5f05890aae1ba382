package fearless.grader.checks.syncchannel;

import java.util.List;

/**
 * A message that notes when it is dropped (closed), in a log the check reads: M9 says the
 * receiver's close drops each buffered message once, in the order sent.
 */
final class Droppable implements AutoCloseable {

    private final String name;
    private final List<String> log;

    Droppable(String name, List<String> log) {
        this.name = name;
        this.log = log;
    }

    @Override
    public void close() {
        synchronized (log) {
            log.add(name);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
