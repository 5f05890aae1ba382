package fearless.grader.check.property;

import fearless.grader.check.Safely;
import fearless.api.ErrorCode;
import fearless.api.OwnershipError;
import java.util.Objects;
import org.opentest4j.AssertionFailedError;
import java.util.concurrent.Callable;

/**
 * What one step of an operation sequence visibly did: returned a value, completed, failed with an
 * ownership error (compared by its {@link ErrorCode}), or threw something else (compared by its
 * class). The model predicts an outcome, the system under test produces one, and they must match.
 *
 * <p>An expected outcome may name the rule that demands it ({@link #because}), so the feedback can
 * say which rule a mismatch breaks.
 */
public final class Outcome {

    private enum Kind { RETURNED, DONE, ERROR, THREW }

    private static final int MAX_TEXT = 160;

    private final Kind kind;
    private final Object value;
    private final ErrorCode code;
    private final Class<?> thrown;
    private final String message;
    private final String rule;
    private final boolean exactMessage;

    private Outcome(Kind kind, Object value, ErrorCode code, Class<?> thrown, String message, String rule) {
        this(kind, value, code, thrown, message, rule, false);
    }

    private Outcome(Kind kind, Object value, ErrorCode code, Class<?> thrown, String message, String rule,
            boolean exactMessage) {
        this.kind = kind;
        this.value = value;
        this.code = code;
        this.thrown = thrown;
        this.message = message;
        this.rule = rule;
        this.exactMessage = exactMessage;
    }

    private Outcome exactMessage() {
        return new Outcome(kind, value, code, thrown, message, rule, true);
    }

    /** The step returned {@code value} (compared with {@code equals}). */
    public static Outcome returned(Object value) {
        return new Outcome(Kind.RETURNED, value, null, null, null, null);
    }

    /** The step completed, returning nothing worth comparing (a void call, or a new handle). */
    public static Outcome done() {
        return new Outcome(Kind.DONE, null, null, null, null, null);
    }

    /** The step failed with an {@link OwnershipError} of {@code code}. */
    public static Outcome error(ErrorCode code) {
        return new Outcome(Kind.ERROR, null, Objects.requireNonNull(code), null, null, null);
    }

    /** The step threw {@code failure}: an ownership error keeps its code, anything else its class. */
    public static Outcome threw(Throwable failure) {
        if (failure instanceof OwnershipError e) {
            return new Outcome(Kind.ERROR, null, e.code(), null, Safely.message(e), null);
        }
        return new Outcome(Kind.THREW, null, null, failure.getClass(), Safely.message(failure), null);
    }

    /**
     * Makes {@code call} and captures what it did: the value it returned, or what it threw. A stub's
     * {@link fearless.api.Unimplemented} is not captured but rethrown, so the check fails with it.
     */
    public static Outcome of(Callable<?> call) {
        try {
            return returned(call.call());
        } catch (fearless.api.Unimplemented e) {
            throw e;
        } catch (Exception e) {
            return threw(e);
        }
    }

    /**
     * Makes {@code call}, which must succeed, and returns its value; if it throws, fails the
     * calling check with "{@code what} should succeed (rule), but it failed with ...". A stub's
     * {@link fearless.api.Unimplemented} is rethrown as it is.
     *
     * @param what the call, as Java: {@code "b2.get() after Box b2 = b1.move()"}
     */
    public static <T> T require(String what, String rule, Callable<T> call) {
        try {
            return call.call();
        } catch (fearless.api.Unimplemented e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionFailedError(what + " should succeed (" + rule + "), but " + threw(e).asActual() + ".",
                    e);
        }
    }

    /** {@link #of(Callable)} for a call that returns nothing: {@link #done()} if it completes. */
    public static Outcome ofRun(Runnable call) {
        try {
            call.run();
            return done();
        } catch (fearless.api.Unimplemented e) {
            throw e;
        } catch (RuntimeException e) {
            return threw(e);
        }
    }

    /** The step is expected to throw an exception of {@code type} (compared by exact class). */
    public static Outcome threw(Class<? extends Throwable> type) {
        return new Outcome(Kind.THREW, null, null, type, null, null);
    }

    /**
     * The step is expected to throw an exception of {@code type} with exactly {@code message}
     * (when it matters which of several failures comes out).
     */
    public static Outcome threw(Class<? extends Throwable> type, String message) {
        return new Outcome(Kind.THREW, null, null, type, Objects.requireNonNull(message), null).exactMessage();
    }

    /** This expectation, citing {@code rule} (e.g. {@code "O2"}) as the reason for it. */
    public Outcome because(String rule) {
        return new Outcome(kind, value, code, thrown, message, rule, exactMessage);
    }

    /** The rule this expectation cites, or {@code null}. */
    public String rule() {
        return rule;
    }

    /** Whether this is a returned value (worth showing in a step listing). */
    boolean returnsValue() {
        return kind == Kind.RETURNED;
    }

    /** Whether {@code actual} is what this expectation predicts. */
    public boolean matches(Outcome actual) {
        if (kind != actual.kind) {
            return false;
        }
        return switch (kind) {
            case RETURNED -> Objects.equals(value, actual.value);
            case DONE -> true;
            case ERROR -> code == actual.code;
            case THREW -> thrown == actual.thrown && (!exactMessage || Objects.equals(message, actual.message));
        };
    }

    /**
     * Fails the calling check unless {@code actual} matches this expectation. The feedback reads
     * {@code b1.get() after b1.move() should fail with error[E0382] (use of moved value) (O2), but it returned "v0".}
     *
     * @param call what was done, as Java: {@code "b1.get() after b1.move()"}
     */
    public void verify(String call, Outcome actual) {
        if (!matches(actual)) {
            throw new AssertionFailedError(call + " should " + asExpected() + (rule == null ? "" : " (" + rule + ")")
                    + ", but " + actual.asActual() + ".");
        }
    }

    /** How this reads as an expectation: {@code return "v0"}, {@code fail with error[E0382]}. */
    public String asExpected() {
        return switch (kind) {
            case RETURNED -> "return " + show(value);
            case DONE -> "succeed";
            case ERROR -> "fail with error[" + code.name() + "] (" + code.title() + ")";
            case THREW -> "throw " + thrown.getSimpleName() + (exactMessage ? "(" + show(message) + ")" : "");
        };
    }

    /** How this reads as what happened: {@code it returned "v0"}, {@code it threw NullPointerException: ...}. */
    public String asActual() {
        return switch (kind) {
            case RETURNED -> "it returned " + show(value);
            case DONE -> "it succeeded";
            case ERROR -> "it failed with " + (message == null ? "error[" + code.name() + "]" : trim(message));
            case THREW -> "it threw " + thrown.getName() + (message == null ? "" : ": " + trim(message));
        };
    }

    /** Short form for a step listing: {@code "v0"}, {@code ok}, {@code error[E0382]}. */
    @Override
    public String toString() {
        return switch (kind) {
            case RETURNED -> show(value);
            case DONE -> "ok";
            case ERROR -> "error[" + code.name() + "]";
            case THREW -> thrown.getSimpleName() + (message == null ? "" : "(" + show(message) + ")");
        };
    }

    /** A value as Java source would write it: strings quoted, {@code null} bare. */
    public static String show(Object value) {
        if (value instanceof String s) {
            return '"' + trim(s) + '"';
        }
        return trim(Safely.show(value));
    }

    private static String trim(String text) {
        String oneLine = text.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= MAX_TEXT ? oneLine : oneLine.substring(0, MAX_TEXT) + "...";
    }
}
