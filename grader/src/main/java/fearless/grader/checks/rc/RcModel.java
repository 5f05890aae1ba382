package fearless.grader.checks.rc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What Rust says a set of {@code Rc} and {@code Weak} handles does: each value has a strong and a
 * weak count, each handle is live until it is closed (or unwrapped), and a value is dropped the
 * moment its strong count reaches zero. The stateful property compares the submission with it.
 *
 * <p>Handles are known by the label of the op that made them (stable when the minimizer removes
 * other ops) and shown by the order they were made in: {@code r1}, {@code r2}, ... for strong
 * handles, {@code w1}, {@code w2}, ... for weak ones.
 */
public final class RcModel {

    /** One shared value: what it holds now and its two counts. */
    public static final class Value {
        public String value;
        public int strong = 1;
        public int weak;

        public Value(String value) {
            this.value = value;
        }

        /** Whether some strong reference remains (the value is neither dropped nor unwrapped). */
        public boolean alive() {
            return strong > 0;
        }
    }

    /** One handle: strong ({@code Rc}) or weak, the value it points at ({@code null}: a {@code Weak::new()}), live or not. */
    public static final class Handle {
        public final String name;
        public final boolean strong;
        public final Value value;
        public boolean live = true;

        public Handle(String name, boolean strong, Value value) {
            this.name = name;
            this.strong = strong;
            this.value = value;
        }
    }

    private final Map<Integer, Handle> handles = new HashMap<>();
    private final List<String> drops = new ArrayList<>();
    private int created;
    private int rcs;
    private int weaks;

    /** The value the next {@code create} makes: {@code "v0"}, {@code "v1"}, ... */
    public String nextValue() {
        return "v" + created;
    }

    /** The Java name of the next strong handle: {@code r1}, {@code r2}, ... */
    public String nextRc() {
        return "r" + (rcs + 1);
    }

    /** The Java name of the next weak handle: {@code w1}, {@code w2}, ... */
    public String nextWeak() {
        return "w" + (weaks + 1);
    }

    public boolean isRc(int label) {
        Handle h = handles.get(label);
        return h != null && h.strong;
    }

    public boolean isWeak(int label) {
        Handle h = handles.get(label);
        return h != null && !h.strong;
    }

    public Handle handle(int label) {
        return handles.get(label);
    }

    public void create(int label) {
        addRc(label, new Value(nextValue()));
        created++;
    }

    /** A new strong handle on {@code value}, whose count the caller has raised already. */
    public void addRc(int label, Value value) {
        handles.put(label, new Handle(nextRc(), true, value));
        rcs++;
    }

    /** A new weak handle on {@code value} (or on nothing), whose count the caller has raised already. */
    public void addWeak(int label, Value value) {
        handles.put(label, new Handle(nextWeak(), false, value));
        weaks++;
    }

    /** A2: one strong reference fewer; the last one drops the value, once. */
    public void release(Value value) {
        value.strong--;
        if (value.strong == 0) {
            drops.add(value.value);
        }
    }

    /** The values dropped so far, in order. */
    public List<String> drops() {
        return List.copyOf(drops);
    }
}
