package fearless.grader.check;

import fearless.api.ErrorCode;
import fearless.api.OwnershipError;
import fearless.api.Unimplemented;
import org.opentest4j.AssertionFailedError;

/**
 * What a call into the submission should have thrown, said the same way by every exercise's
 * checks: the call, what it should do with its rule id, then what it did. A stub's
 * {@link Unimplemented} is passed on as its own message, so a stub's checks all say "not yet
 * implemented".
 */
public final class Expect {

    private Expect() {
    }

    /** Fails unless {@code call} throws an {@link OwnershipError} with {@code code}. */
    public static void ownershipError(ErrorCode code, String what, String rule, Runnable call) {
        String should = "fail with error[" + code + "] (" + rule + ")";
        try {
            call.run();
        } catch (OwnershipError e) {
            if (e.code() == code) {
                return;
            }
            throw new AssertionFailedError(what + " should " + should + ", but failed with " + Safely.message(e), e);
        } catch (RuntimeException e) {
            throw unexpected(what, should, e);
        }
        throw new AssertionFailedError(what + " should " + should + ", but it succeeded");
    }

    /** The failure for {@code what}, which should have done {@code expected} and threw {@code e} instead. */
    public static AssertionFailedError unexpected(String what, String expected, Throwable e) {
        if (e instanceof Unimplemented) {
            return new AssertionFailedError(Safely.message(e), e);
        }
        return new AssertionFailedError(what + " should " + expected + ", but threw " + Safely.describe(e), e);
    }
}
