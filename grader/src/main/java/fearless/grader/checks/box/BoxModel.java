package fearless.grader.checks.box;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What Rust says a set of boxes does: each handle either owns its value or is dead, and a value is
 * dropped when its owner is closed, or when a new value is assigned over it, once. The stateful
 * property compares the submission with it.
 *
 * <p>Handles are known by the label of the op that made them (stable when the minimizer removes
 * other ops) and shown by the order they were made in: {@code b1}, {@code b2}, ...
 */
final class BoxModel {

    /** One handle: its name, the value it owns, whether it still owns it, and the rule that gave it the value. */
    static final class Slot {
        final String name;
        String value;
        String origin;
        boolean owner = true;

        Slot(String name, String value, String origin) {
            this.name = name;
            this.value = value;
            this.origin = origin;
        }
    }

    private final Map<Integer, Slot> handles = new HashMap<>();
    private final List<String> drops = new ArrayList<>();
    private int created;

    /** The value the next {@code create}, {@code set} or {@code replace} brings: {@code "v0"}, {@code "v1"}, ... */
    String nextValue() {
        return "v" + created;
    }

    /** Takes the next value for a {@code set} or {@code replace}, whether or not the handle accepts it. */
    String takeValue() {
        return "v" + created++;
    }

    /** The Java name of the next handle: {@code b1}, {@code b2}, ... */
    String nextName() {
        return "b" + (handles.size() + 1);
    }

    boolean has(int label) {
        return handles.containsKey(label);
    }

    Slot slot(int label) {
        return handles.get(label);
    }

    void create(int label) {
        add(label, nextValue(), "O1");
        created++;
    }

    void add(int label, String value, String origin) {
        handles.put(label, new Slot(nextName(), value, origin));
    }

    void drop(Slot slot) {
        slot.owner = false;
        drops.add(slot.value);
    }

    /** {@code *b = value;}: the slot owns {@code value}, and its old value is dropped. */
    void set(Slot slot, String value) {
        drops.add(slot.value);
        slot.value = value;
        slot.origin = "O3";
    }

    /** {@code mem::replace}: the slot owns {@code value}; the old value, returned, is dropped by nobody. */
    String replace(Slot slot, String value) {
        String old = slot.value;
        slot.value = value;
        slot.origin = "O3";
        return old;
    }

    /** The values dropped so far, in order. */
    List<String> drops() {
        return List.copyOf(drops);
    }
}
