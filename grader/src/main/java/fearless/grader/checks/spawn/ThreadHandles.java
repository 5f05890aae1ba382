package fearless.grader.checks.spawn;

import fearless.api.thread.JoinHandle;
import fearless.api.thread.Threads;
import java.util.HashMap;
import java.util.Map;

/**
 * The system side of the handle property: one {@link Threads} of the submission, and the handles
 * it made, by the label of the op that made them. {@link #closeAll} detaches whatever a sequence
 * left open, so no thread of one sequence outlives it unseen.
 */
final class ThreadHandles {

    private final Threads threads;
    private final Map<Integer, JoinHandle<String>> handles = new HashMap<>();

    ThreadHandles(Threads threads) {
        this.threads = threads;
    }

    Threads threads() {
        return threads;
    }

    JoinHandle<String> get(int label) {
        return handles.get(label);
    }

    void put(int label, JoinHandle<String> handle) {
        handles.put(label, handle);
    }

    /** Closes every handle made so far; a broken close is the property's business, not the cleanup's. */
    void closeAll() {
        for (JoinHandle<String> h : handles.values()) {
            try {
                h.close();
            } catch (RuntimeException ignored) {
                // the steps already judged this handle
            }
        }
    }
}
