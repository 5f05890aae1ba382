package fearless.grader.checks.arc;

import fearless.api.Result;
import fearless.api.sync.Arc;
import fearless.api.sync.ArcProvider;
import fearless.api.sync.Weak;
import fearless.grader.check.Submission;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One value shared by two strong handles, {@code a} and {@code b}, and a weak one, {@code w}, as
 * the model checker drives them: each thread uses only its own handles, as a Rust thread owns
 * the clones moved into it. Run one after the other, the operations always end the value exactly
 * once (dropped, or taken by a {@code tryUnwrap}), and a handle always finds the value alive
 * while it owns it; any interleaving in which that fails shows a count that was lost or tested
 * apart from its change (A6).
 *
 * <p>The value is created in a field initializer through the provider's method, inside the code
 * the model checker instruments: that is how it sees races in the submission's code.
 */
public final class SharedValue {

    private static final String VALUE = "v";

    /** How many times the drop action ran, and how many tryUnwrap calls returned Ok. */
    private final AtomicInteger drops = new AtomicInteger();
    private final AtomicInteger taken = new AtomicInteger();
    private final Arc<String> a = Submission.provider(ArcProvider.class).create(VALUE, v -> drops.incrementAndGet());
    private final Arc<String> b = a.cloneArc();
    private final Weak<String> w = a.downgrade();
    private Arc<String> a2;
    private Arc<String> b2;

    /** Whether {@code handle}, which is live, still finds the value undropped. */
    private boolean sees(Arc<String> handle) {
        return drops.get() == 0 && VALUE.equals(handle.get());
    }

    /** {@code a2 = a.cloneArc()}; returns whether a saw the value alive. */
    public boolean cloneA() {
        boolean alive = sees(a);
        a2 = a.cloneArc();
        return alive;
    }

    /** {@code b2 = b.cloneArc()}; returns whether b saw the value alive. */
    public boolean cloneB() {
        boolean alive = sees(b);
        b2 = b.cloneArc();
        return alive;
    }

    /** Closes a; returns whether a still saw the value alive just before. */
    public boolean closeA() {
        boolean alive = sees(a);
        a.close();
        return alive;
    }

    /** Closes b; returns whether b still saw the value alive just before. */
    public boolean closeB() {
        boolean alive = sees(b);
        b.close();
        return alive;
    }

    /** Closes a2 (made by cloneA); returns whether it still saw the value alive just before. */
    public boolean closeA2() {
        boolean alive = sees(a2);
        a2.close();
        return alive;
    }

    /** Closes b2 (made by cloneB); returns whether it still saw the value alive just before. */
    public boolean closeB2() {
        boolean alive = sees(b2);
        b2.close();
        return alive;
    }

    /**
     * {@code w.upgrade()}, then closes what it gave: "empty", "alive" (the new handle found the
     * value undropped), or what went wrong.
     */
    public String upgradeAndClose() {
        Optional<Arc<String>> up = w.upgrade();
        if (up.isEmpty()) {
            return "empty";
        }
        Arc<String> mine = up.get();
        boolean alive = sees(mine);
        mine.close();
        return alive ? "alive" : "upgraded a dropped value";
    }

    /** {@code a.tryUnwrap()}: Ok counts as taken; Err gives a back, which is then closed. */
    public int unwrapA() {
        unwrap(a);
        return 0;
    }

    /** {@code b.tryUnwrap()}: Ok counts as taken; Err gives b back, which is then closed. */
    public int unwrapB() {
        unwrap(b);
        return 0;
    }

    private void unwrap(Arc<String> handle) {
        Result<String, Arc<String>> r = handle.tryUnwrap();
        if (r instanceof Result.Ok<String, Arc<String>> ok) {
            if (VALUE.equals(ok.value())) {
                taken.incrementAndGet();
            } else {
                taken.addAndGet(100);
            }
        } else if (r instanceof Result.Err<String, Arc<String>> err) {
            err.error().close();
        }
    }

    /**
     * Closes every handle (closing a closed one does nothing), then tells how the value ended:
     * "once" when it was dropped once or taken once, and not both.
     */
    public String endsOnce() {
        for (Arc<String> handle : Arrays.asList(a, b, a2, b2)) {
            if (handle != null) {
                handle.close();
            }
        }
        w.close();
        int dropped = drops.get();
        int unwrapped = taken.get();
        return dropped + unwrapped == 1 ? "once"
                : "dropped " + dropped + " times, taken by tryUnwrap " + unwrapped + " times";
    }
}
