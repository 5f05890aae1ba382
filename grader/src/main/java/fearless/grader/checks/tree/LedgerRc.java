package fearless.grader.checks.tree;

import fearless.api.OwnershipError;
import fearless.api.Result;
import fearless.api.rc.Rc;
import fearless.api.rc.Weak;
import java.util.function.UnaryOperator;

/** One strong reference of the {@link Ledger}: Rust's {@code Rc<T>}, one handle per count. */
final class LedgerRc<T> implements Rc<T> {

    private final Allocation<T> allocation;
    private boolean held = true;

    LedgerRc(Allocation<T> allocation) {
        this.allocation = allocation;
    }

    Allocation<T> allocation() {
        return allocation;
    }

    @Override
    public T get() {
        ensureLive("get()");
        return allocation.value();
    }

    @Override
    public Rc<T> cloneRc() {
        ensureLive("cloneRc()");
        allocation.retain();
        return new LedgerRc<>(allocation);
    }

    @Override
    public Weak<T> downgrade() {
        ensureLive("downgrade()");
        allocation.addWeak();
        return new LedgerWeak<>(allocation);
    }

    @Override
    public int strongCount() {
        ensureLive("strongCount()");
        return allocation.strongCount();
    }

    @Override
    public int weakCount() {
        ensureLive("weakCount()");
        return allocation.weakHandles();
    }

    @Override
    public boolean ptrEq(Rc<T> other) {
        ensureLive("ptrEq()");
        return other instanceof LedgerRc<?> o && o.allocation == allocation;
    }

    @Override
    public Result<T, Rc<T>> tryUnwrap() {
        ensureLive("tryUnwrap()");
        if (allocation.strongCount() != 1) {
            return Result.err(this);
        }
        held = false;
        return Result.ok(allocation.unwrap());
    }

    @Override
    public boolean getMut(UnaryOperator<T> update) {
        ensureLive("getMut()");
        if (allocation.strongCount() != 1 || allocation.weakHandles() != 0) {
            return false;
        }
        allocation.value(update.apply(allocation.value()));
        return true;
    }

    @Override
    public void close() {
        if (!held) {
            return;
        }
        held = false;
        allocation.release();
    }

    private void ensureLive(String call) {
        if (!held) {
            throw OwnershipError.useAfterMove("rc." + call + " on an Rc of " + allocation.name()
                    + " that was already closed: a closed handle is no longer a reference");
        }
    }

    @Override
    public String toString() {
        return "Rc(" + allocation.name() + (held ? "" : ", closed") + ")";
    }
}
