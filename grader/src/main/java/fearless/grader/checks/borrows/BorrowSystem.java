package fearless.grader.checks.borrows;

import fearless.api.borrow.Mutable;
import fearless.api.borrow.Owner;
import fearless.api.borrow.OwnerProvider;
import fearless.api.borrow.Shared;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The system side of the borrow property: the submission's owners and borrows, by the label of
 * the op that made them, and a log of the values their drop actions received.
 */
final class BorrowSystem {

    private final OwnerProvider provider;
    private final Map<Integer, Owner<String>> owners = new HashMap<>();
    private final Map<Integer, Shared<String>> shared = new HashMap<>();
    private final Map<Integer, Mutable<String>> mutable = new HashMap<>();
    private final List<String> drops = new ArrayList<>();
    private int created;

    BorrowSystem(OwnerProvider provider) {
        this.provider = provider;
    }

    void create(int label) {
        String value = "v" + created++;
        owners.put(label, provider.create(value, drops::add));
    }

    Owner<String> owner(int label) {
        return owners.get(label);
    }

    void putOwner(int label, Owner<String> owner) {
        owners.put(label, owner);
    }

    void putShared(int label, Shared<String> borrow) {
        shared.put(label, borrow);
    }

    void putMutable(int label, Mutable<String> borrow) {
        mutable.put(label, borrow);
    }

    Mutable<String> mutable(int label) {
        return mutable.get(label);
    }

    /** {@code get()} on the borrow made at {@code label}, shared or mutable. */
    String get(int label) {
        return shared.containsKey(label) ? shared.get(label).get() : mutable.get(label).get();
    }

    /** {@code close()} on the borrow made at {@code label}, shared or mutable. */
    void close(int label) {
        if (shared.containsKey(label)) {
            shared.get(label).close();
        } else {
            mutable.get(label).close();
        }
    }

    /** The values dropped so far, in order (a copy; a broken owner may have dropped null). */
    List<String> drops() {
        return new ArrayList<>(drops);
    }
}
