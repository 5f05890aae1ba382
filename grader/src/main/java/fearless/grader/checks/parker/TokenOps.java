package fearless.grader.checks.parker;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import fearless.grader.check.property.Op;
import fearless.grader.check.property.Outcome;
import java.time.Duration;
import java.util.List;
import org.quicktheories.core.Gen;

/**
 * The operations of the token property, each run on the submission's parker (parks on its owner
 * thread) and on {@link TokenModel}: unpark on the owner thread or on another one, parks that find
 * the token (park(), a long parkTimeout), parks that find none (a short parkTimeout, which must
 * wait its whole timeout), and zero or negative timeouts (which only take a token already there).
 * A park that would block for good in the model (park() with no token) is never generated.
 */
final class TokenOps {

    /** The timeout of a park that finds no token: short, since each such step waits it out. */
    static final Duration SHORT = Duration.ofMillis(2);

    /** The timeout of a park that finds the token: far longer than a correct parker needs to take it. */
    static final Duration LONG = Duration.ofMillis(250);

    private static final String AT_ONCE = "returned at once";
    private static final String WAITED = "waited out its timeout";

    private TokenOps() {
    }

    /** Random sequences of 1 to 12 operations. */
    static Gen<List<Op<OwnedParker, TokenModel>>> sequences() {
        Gen<Op<OwnedParker, TokenModel>> op = integers().between(0, 9).map(TokenOps::op);
        return lists().of(op).ofSizeBetween(1, 12);
    }

    private static Op<OwnedParker, TokenModel> op(int kind) {
        return switch (kind) {
            case 0, 1 -> new Unpark();
            case 2 -> new UnparkFromAnotherThread();
            case 3, 4 -> new Park();
            case 5 -> new ParkTimeoutWithToken();
            case 6, 7 -> new ParkTimeoutWithoutToken();
            case 8 -> new ParkTimeoutNonPositive(Duration.ZERO);
            default -> new ParkTimeoutNonPositive(Duration.ofMillis(-1));
        };
    }

    /** How a park that must return at once did. */
    private static Outcome atOnce(OwnedParker.Parked parked, OwnedParker system) {
        return Outcome.returned(parked.returned() ? AT_ONCE
                : "still parked after " + system.bound().toMillis() + " ms");
    }

    record Unpark() implements Op<OwnedParker, TokenModel> {
        @Override
        public String describe(TokenModel m) {
            return "p.unparker().unpark()  // on the owner thread" + (m.token ? "  // the token is already there" : "");
        }

        @Override
        public Outcome expect(TokenModel m) {
            m.token = true;
            return Outcome.returned(AT_ONCE).because("T7");
        }

        @Override
        public Outcome run(OwnedParker s) throws Exception {
            return atOnce(s.unpark(), s);
        }
    }

    record UnparkFromAnotherThread() implements Op<OwnedParker, TokenModel> {
        @Override
        public String describe(TokenModel m) {
            return "p.unparker().unpark()  // on another thread, joined" + (m.token ? "; the token is already there" : "");
        }

        @Override
        public Outcome expect(TokenModel m) {
            m.token = true;
            return Outcome.returned(AT_ONCE).because("T7");
        }

        @Override
        public Outcome run(OwnedParker s) throws Exception {
            return Outcome.returned(s.unparkFromAnotherThread() ? AT_ONCE
                    : "still blocked after " + s.bound().toMillis() + " ms");
        }

        @Override
        public List<? extends Op<OwnedParker, TokenModel>> simpler() {
            return List.of(new Unpark());
        }
    }

    /** park() with the token there: takes it and returns at once. */
    record Park() implements Op<OwnedParker, TokenModel> {
        @Override
        public boolean enabledIn(TokenModel m) {
            return m.token;
        }

        @Override
        public String describe(TokenModel m) {
            return "p.park()  // the token is there";
        }

        @Override
        public Outcome expect(TokenModel m) {
            m.token = false;
            return Outcome.returned(AT_ONCE).because("T7");
        }

        @Override
        public Outcome run(OwnedParker s) throws Exception {
            return atOnce(s.park(p -> p.park(), Duration.ZERO), s);
        }
    }

    /** A long parkTimeout with the token there: takes it and returns long before the timeout. */
    record ParkTimeoutWithToken() implements Op<OwnedParker, TokenModel> {
        @Override
        public boolean enabledIn(TokenModel m) {
            return m.token;
        }

        @Override
        public String describe(TokenModel m) {
            return "p.parkTimeout(" + LONG.toMillis() + " ms)  // the token is there";
        }

        @Override
        public Outcome expect(TokenModel m) {
            m.token = false;
            return Outcome.returned(AT_ONCE).because("T7");
        }

        @Override
        public Outcome run(OwnedParker s) throws Exception {
            OwnedParker.Parked parked = s.park(p -> p.parkTimeout(LONG), LONG);
            if (parked.returned() && parked.nanos() >= LONG.toNanos()) {
                return Outcome.returned(WAITED + " (" + Parkers.millis(parked.nanos()) + ")");
            }
            return atOnce(parked, s);
        }

        @Override
        public List<? extends Op<OwnedParker, TokenModel>> simpler() {
            return List.of(new Park());
        }
    }

    /** A short parkTimeout with no token: waits its whole timeout. */
    record ParkTimeoutWithoutToken() implements Op<OwnedParker, TokenModel> {
        @Override
        public boolean enabledIn(TokenModel m) {
            return !m.token;
        }

        @Override
        public String describe(TokenModel m) {
            return "p.parkTimeout(" + SHORT.toMillis() + " ms)  // no token";
        }

        @Override
        public Outcome expect(TokenModel m) {
            return Outcome.returned(WAITED).because("T7");
        }

        @Override
        public Outcome run(OwnedParker s) throws Exception {
            OwnedParker.Parked parked = s.park(p -> p.parkTimeout(SHORT), SHORT);
            if (!parked.returned()) {
                return Outcome.returned("still parked after " + s.bound().plus(SHORT).toMillis() + " ms");
            }
            if (parked.nanos() < SHORT.toNanos()) {
                return Outcome.returned("returned after " + Parkers.millis(parked.nanos())
                        + ", before its timeout, as if it had found a token");
            }
            return Outcome.returned(WAITED);
        }
    }

    /** parkTimeout with a zero or negative timeout: takes a token if there is one, and returns at once either way. */
    record ParkTimeoutNonPositive(Duration timeout) implements Op<OwnedParker, TokenModel> {
        @Override
        public String describe(TokenModel m) {
            return "p.parkTimeout(" + timeout + ")  // " + (m.token ? "the token is there" : "no token");
        }

        @Override
        public Outcome expect(TokenModel m) {
            m.token = false;
            return Outcome.returned(AT_ONCE).because("T7");
        }

        @Override
        public Outcome run(OwnedParker s) throws Exception {
            return atOnce(s.park(p -> p.parkTimeout(timeout), Duration.ZERO), s);
        }

        @Override
        public List<? extends Op<OwnedParker, TokenModel>> simpler() {
            return timeout.isZero() ? List.of() : List.of(new ParkTimeoutNonPositive(Duration.ZERO));
        }
    }
}
