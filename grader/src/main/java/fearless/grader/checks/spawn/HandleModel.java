package fearless.grader.checks.spawn;

import fearless.api.Result;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The model of the handle property: for each handle, the outcome its body will have, its name,
 * and whether {@code join} or {@code close} has used it up. Nothing else: whatever the threads
 * do, a handle's answers depend only on these.
 */
final class HandleModel {

    /** One handle: what join gives while it is unused, its name, and whether it is used up. */
    static final class Slot {
        final String var;
        final Result<String, Object> outcome;
        final Optional<String> name;
        boolean used;

        Slot(String var, Result<String, Object> outcome, Optional<String> name) {
            this.var = var;
            this.outcome = outcome;
            this.name = name;
        }
    }

    private final Map<Integer, Slot> slots = new HashMap<>();

    boolean has(int label) {
        return slots.containsKey(label);
    }

    Slot slot(int label) {
        return slots.get(label);
    }

    /** The Java variable the next handle is stored in: {@code h1}, {@code h2}, ... */
    String nextVar() {
        return "h" + (slots.size() + 1);
    }

    void add(int label, Result<String, Object> outcome, Optional<String> name) {
        slots.put(label, new Slot(nextVar(), outcome, name));
    }
}
