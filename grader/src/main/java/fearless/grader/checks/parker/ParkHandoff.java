package fearless.grader.checks.parker;

import fearless.api.thread.Parker;
import fearless.api.thread.ParkerProvider;
import fearless.api.thread.Unparker;
import fearless.grader.check.Submission;

/**
 * One park and one unpark, as the model checker drives them. Run one after the other, unpark
 * first, both return; run on two threads, the park must return whichever way they interleave,
 * above all when the unpark comes between the park's look at the token and its wait. An
 * interleaving in which the park never returns is a lost wake-up (T7).
 *
 * <p>The parker is created in a field initializer through the provider's method, inside the code
 * the model checker instruments: that is how it sees races in the submission's code.
 */
public final class ParkHandoff {

    private final Parker parker = Submission.provider(ParkerProvider.class).parker();
    private final Unparker unparker = parker.unparker();

    /** Unparks the parker; returns 0. */
    public int unpark() {
        unparker.unpark();
        return 0;
    }

    /** Parks once; returns 0 when the park returns. */
    public int park() {
        parker.park();
        return 0;
    }
}
