package fearless.grader.checks.arc;

import fearless.api.sync.Arc;
import fearless.api.sync.ArcProvider;
import fearless.api.sync.Weak;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The system side of the rc property: the submission's handles, by the label of the op that made
 * them, and a log of the values their drop actions received.
 */
final class ArcHandles {

    private final ArcProvider provider;
    private final Map<Integer, Arc<String>> arcs = new HashMap<>();
    private final Map<Integer, Weak<String>> weaks = new HashMap<>();
    private final List<String> drops = new ArrayList<>();
    private int created;

    ArcHandles(ArcProvider provider) {
        this.provider = provider;
    }

    void create(int label) {
        String value = "v" + created++;
        arcs.put(label, provider.create(value, drops::add));
    }

    void newWeak(int label) {
        weaks.put(label, provider.newWeak());
    }

    Arc<String> rc(int label) {
        return arcs.get(label);
    }

    Weak<String> weak(int label) {
        return weaks.get(label);
    }

    void put(int label, Arc<String> rc) {
        arcs.put(label, rc);
    }

    void put(int label, Weak<String> weak) {
        weaks.put(label, weak);
    }

    /** The values dropped so far, in order (a copy; a broken Arc may have dropped null). */
    List<String> drops() {
        return new ArrayList<>(drops);
    }
}
