package fearless.grader.checks.box;

import fearless.api.ownership.Box;
import fearless.api.ownership.BoxProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The system side of the box property: the submission's boxes, by the label of the op that made
 * them, and a log of the values their drop actions received.
 */
final class Handles {

    private final BoxProvider provider;
    private final Map<Integer, Box<String>> boxes = new HashMap<>();
    private final List<String> drops = new ArrayList<>();
    private int created;

    Handles(BoxProvider provider) {
        this.provider = provider;
    }

    void create(int label) {
        boxes.put(label, provider.create(nextValue(), drops::add));
    }

    /** The value the next create, set or replace brings, counted as the model counts them. */
    String nextValue() {
        return "v" + created++;
    }

    Box<String> get(int label) {
        return boxes.get(label);
    }

    void put(int label, Box<String> box) {
        boxes.put(label, box);
    }

    /** The values dropped so far, in order (a copy; a broken box may have dropped null). */
    List<String> drops() {
        return new ArrayList<>(drops);
    }
}
