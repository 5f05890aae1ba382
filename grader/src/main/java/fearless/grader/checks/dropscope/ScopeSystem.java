package fearless.grader.checks.dropscope;

import fearless.api.ownership.DropScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The system side of the scope property: the submission's scope, the resources given to it by
 * label, and the log of resources closed.
 */
final class ScopeSystem {

    private final DropScope scope;
    private final Map<Integer, Res> resources = new HashMap<>();
    private final List<String> drops = new ArrayList<>();

    ScopeSystem(DropScope scope) {
        this.scope = scope;
    }

    DropScope scope() {
        return scope;
    }

    /**
     * A new resource ({@code r1}, {@code r2}, ...), equal to {@code twinOf} if that is not null,
     * known from now on by {@code label}.
     */
    Res make(int label, Res twinOf, boolean failing) {
        String name = "r" + (resources.size() + 1);
        Res res = new Res(twinOf == null ? name : twinOf.key(), name,
                failing ? Res.Failure.UNCHECKED : Res.Failure.NONE, drops);
        resources.put(label, res);
        return res;
    }

    /** A resource equal to {@code original} that the scope has never seen (and is not remembered). */
    Res stranger(Res original) {
        return new Res(original.key(), "a copy of " + original.label(), Res.Failure.NONE, drops);
    }

    Res get(int label) {
        return resources.get(label);
    }

    /** The resources closed so far, in order (a copy). */
    List<String> drops() {
        return new ArrayList<>(drops);
    }
}
