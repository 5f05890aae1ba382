package fearless.grader.checks.dropscope;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What Rust says a scope does: a stack of the values it owns; ending it pops them all, dropping
 * each once, last owned first; a value moved out is off the stack; an ended scope owns nothing and
 * accepts nothing. Resources are known by the label of the op that made them.
 */
final class ScopeModel {

    /** One resource: its Java name, its key (for equals), whether it fails on close. */
    record Resource(String name, String key, boolean failing) {
    }

    private final Map<Integer, Resource> resources = new HashMap<>();
    private final Deque<Integer> stack = new ArrayDeque<>();
    private final List<String> drops = new ArrayList<>();
    private boolean ended;

    /** The Java name of the next resource: {@code r1}, {@code r2}, ... */
    String nextName() {
        return "r" + (resources.size() + 1);
    }

    boolean has(int label) {
        return resources.containsKey(label);
    }

    Resource resource(int label) {
        return resources.get(label);
    }

    void add(int label, Resource resource) {
        resources.put(label, resource);
    }

    boolean ended() {
        return ended;
    }

    boolean owns(int label) {
        return stack.contains(label);
    }

    void own(int label) {
        stack.push(label);
    }

    void moveOut(int label) {
        stack.remove(label);
    }

    int owned() {
        return stack.size();
    }

    /** Ends the scope: drops the stack, top first; the name of the first that fails, or null. */
    String end() {
        ended = true;
        String firstFailure = null;
        while (!stack.isEmpty()) {
            Resource r = resources.get(stack.pop());
            drops.add(r.name());
            if (r.failing() && firstFailure == null) {
                firstFailure = r.name();
            }
        }
        return firstFailure;
    }

    /** The resources dropped so far, in order. */
    List<String> drops() {
        return List.copyOf(drops);
    }
}
