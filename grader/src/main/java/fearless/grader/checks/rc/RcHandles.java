package fearless.grader.checks.rc;

import fearless.api.rc.Rc;
import fearless.api.rc.RcProvider;
import fearless.api.rc.Weak;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The system side of the rc property: the submission's handles, by the label of the op that made
 * them, and a log of the values their drop actions received.
 */
final class RcHandles {

    private final RcProvider provider;
    private final Map<Integer, Rc<String>> rcs = new HashMap<>();
    private final Map<Integer, Weak<String>> weaks = new HashMap<>();
    private final List<String> drops = new ArrayList<>();
    private int created;

    RcHandles(RcProvider provider) {
        this.provider = provider;
    }

    void create(int label) {
        String value = "v" + created++;
        rcs.put(label, provider.create(value, drops::add));
    }

    void newWeak(int label) {
        weaks.put(label, provider.newWeak());
    }

    Rc<String> rc(int label) {
        return rcs.get(label);
    }

    Weak<String> weak(int label) {
        return weaks.get(label);
    }

    void put(int label, Rc<String> rc) {
        rcs.put(label, rc);
    }

    void put(int label, Weak<String> weak) {
        weaks.put(label, weak);
    }

    /** The values dropped so far, in order (a copy; a broken Rc may have dropped null). */
    List<String> drops() {
        return new ArrayList<>(drops);
    }
}
