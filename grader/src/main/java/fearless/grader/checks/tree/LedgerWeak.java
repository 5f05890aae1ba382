package fearless.grader.checks.tree;

import fearless.api.OwnershipError;
import fearless.api.rc.Rc;
import fearless.api.rc.Weak;
import java.util.Optional;

/** One weak reference of the {@link Ledger}: Rust's {@code Weak<T>}; without allocation, {@code Weak::new()}. */
final class LedgerWeak<T> implements Weak<T> {

    /** {@code null} for {@code Weak::new()}: it points at nothing and never upgrades. */
    private final Allocation<T> allocation;
    private boolean held = true;

    LedgerWeak(Allocation<T> allocation) {
        this.allocation = allocation;
    }

    @Override
    public Optional<Rc<T>> upgrade() {
        ensureLive("upgrade()");
        if (allocation == null || !allocation.valueLives()) {
            return Optional.empty();
        }
        allocation.retain();
        return Optional.of(new LedgerRc<>(allocation));
    }

    @Override
    public int strongCount() {
        ensureLive("strongCount()");
        return allocation == null ? 0 : allocation.strongCount();
    }

    @Override
    public int weakCount() {
        ensureLive("weakCount()");
        return allocation == null || !allocation.valueLives() ? 0 : allocation.weakHandles();
    }

    @Override
    public Weak<T> cloneWeak() {
        ensureLive("cloneWeak()");
        if (allocation != null) {
            allocation.addWeak();
        }
        return new LedgerWeak<>(allocation);
    }

    @Override
    public void close() {
        if (!held) {
            return;
        }
        held = false;
        if (allocation != null) {
            allocation.removeWeak();
        }
    }

    private void ensureLive(String call) {
        if (!held) {
            throw OwnershipError.useAfterMove("weak." + call + " on a Weak that was already closed");
        }
    }

    @Override
    public String toString() {
        return "Weak(" + (allocation == null ? "nothing" : allocation.name()) + (held ? "" : ", closed") + ")";
    }
}
