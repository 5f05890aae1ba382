package fearless.grader.checks.borrows;

import fearless.api.ErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What rustc's borrow checker says about a set of owners and their borrows: each owner counts its
 * open shared borrows and whether a mutable one is open; each borrow is open until it is closed;
 * the values dropped so far are a list. The stateful property compares the submission with it.
 *
 * <p>Owners and borrows are known by the label of the op that made them (stable when the
 * minimizer removes other ops) and shown by the order they were made in: owners {@code o1},
 * {@code o2}, ..., shared borrows {@code r1}, ..., mutable borrows {@code m1}, ...
 */
final class BorrowModel {

    /** One owner handle: its name, the value it owns now, whether it still owns, and its open borrows. */
    static final class OwnerSlot {
        final String name;
        String value;
        boolean owner = true;
        int shared;
        boolean mutable;
        /** Whether a borrow of it was closed already (so a new one stands on B4). */
        boolean released;
        /** Whether a move or drop of it was refused (so it owns on O8). */
        boolean refused;

        OwnerSlot(String name, String value) {
            this.name = name;
            this.value = value;
        }

        boolean borrowed() {
            return shared > 0 || mutable;
        }
    }

    /** One borrow: its name, its owner's label, whether it is mutable, and whether it is still open. */
    static final class BorrowSlot {
        final String name;
        final int owner;
        final boolean mutable;
        boolean open = true;

        BorrowSlot(String name, int owner, boolean mutable) {
            this.name = name;
            this.owner = owner;
            this.mutable = mutable;
        }
    }

    private final Map<Integer, OwnerSlot> owners = new HashMap<>();
    private final Map<Integer, BorrowSlot> borrows = new HashMap<>();
    private final List<String> drops = new ArrayList<>();
    private int created;
    private int sharedNames;
    private int mutableNames;

    /** The value the next {@code create} makes: {@code "v0"}, {@code "v1"}, ... */
    String nextValue() {
        return "v" + created;
    }

    /** The Java name of the next owner: {@code o1}, {@code o2}, ... */
    String nextOwnerName() {
        return "o" + (owners.size() + 1);
    }

    /** The Java name of the next shared ({@code r1}, ...) or mutable ({@code m1}, ...) borrow. */
    String nextBorrowName(boolean mutable) {
        return mutable ? "m" + (mutableNames + 1) : "r" + (sharedNames + 1);
    }

    boolean hasOwner(int label) {
        return owners.containsKey(label);
    }

    boolean hasBorrow(int label) {
        return borrows.containsKey(label);
    }

    OwnerSlot owner(int label) {
        return owners.get(label);
    }

    BorrowSlot borrow(int label) {
        return borrows.get(label);
    }

    /** {@code create}: a new owner of the next value. */
    void create(int label) {
        addOwner(label, nextValue());
        created++;
    }

    void addOwner(int label, String value) {
        owners.put(label, new OwnerSlot(nextOwnerName(), value));
    }

    /**
     * What rustc says to {@code &x} ({@code mutable} false) or {@code &mut x} on this owner now:
     * {@code null} if it lends, else the error.
     */
    static ErrorCode refusal(OwnerSlot owner, boolean mutable) {
        if (!owner.owner) {
            return ErrorCode.E0382;
        }
        if (owner.mutable) {
            return mutable ? ErrorCode.E0499 : ErrorCode.E0502;
        }
        return mutable && owner.shared > 0 ? ErrorCode.E0502 : null;
    }

    /** Opens a borrow of the owner {@code ownerLabel}, which must lend. */
    void lend(int label, int ownerLabel, boolean mutable) {
        OwnerSlot owner = owners.get(ownerLabel);
        borrows.put(label, new BorrowSlot(nextBorrowName(mutable), ownerLabel, mutable));
        if (mutable) {
            owner.mutable = true;
            mutableNames++;
        } else {
            owner.shared++;
            sharedNames++;
        }
    }

    /** Closes a borrow: it gives its place back once. */
    void release(BorrowSlot borrow) {
        if (!borrow.open) {
            return;
        }
        borrow.open = false;
        OwnerSlot owner = owners.get(borrow.owner);
        owner.released = true;
        if (borrow.mutable) {
            owner.mutable = false;
        } else {
            owner.shared--;
        }
    }

    /** {@code *m = value}: the owner owns {@code value}, and the old one is dropped. */
    void write(BorrowSlot borrow, String value) {
        OwnerSlot owner = owners.get(borrow.owner);
        drops.add(owner.value);
        owner.value = value;
    }

    /** A dropped owner: dead, and its value dropped. */
    void drop(OwnerSlot owner) {
        owner.owner = false;
        drops.add(owner.value);
    }

    /** The values dropped so far, in order. */
    List<String> drops() {
        return List.copyOf(drops);
    }
}
