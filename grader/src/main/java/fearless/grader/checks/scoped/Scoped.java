package fearless.grader.checks.scoped;

import fearless.api.Unimplemented;
import fearless.api.thread.Scopes;
import fearless.api.thread.ScopesProvider;
import fearless.grader.check.Expect;
import fearless.grader.check.Safely;
import fearless.grader.check.Submission;
import fearless.grader.check.race.Bounded;
import java.time.Duration;
import org.opentest4j.AssertionFailedError;

/** What the scoped-threads checks share: the submission's scopes, bounded scenarios, readable expectations. */
final class Scoped {

    /** The lesson every check points to. */
    static final String LESSON = "course-notes/07-threads.md";

    /** How long a whole scenario may take: it holds threads a few milliseconds at most on a correct scope. */
    static final Duration SCENARIO = Duration.ofSeconds(5);

    private Scoped() {
    }

    /** The submission's scopes. */
    static Scopes scopes() {
        return Submission.provider(ScopesProvider.class).scopes();
    }

    /** Runs a scenario on a checking thread, bounded; a hang fails with {@code onHang} and a thread dump. */
    static void scenario(String onHang, Bounded.Body body) {
        Bounded.run(onHang, SCENARIO, body);
    }

    /**
     * Fails fast unless a scope with one thread works on a single checking thread: race and
     * structure checks call it first, so a stub fails at once with its "not yet implemented".
     */
    static void requireWorking() {
        scenario("scope() with one scoped thread that returns at once did not return (T6)", () -> {
            try {
                int got = scopes().scope(s -> s.spawn(() -> 7).join().unwrap());
                check(got == 7, "scope(s -> s.spawn(() -> 7).join().unwrap()) should return 7 (T2, T6), but returned "
                        + got);
            } catch (RuntimeException e) {
                throw Expect.unexpected("scope(s -> s.spawn(() -> 7).join().unwrap())", "return 7 (T2, T6)", e);
            }
        });
    }


    static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionFailedError(message);
        }
    }


    /** Rethrows a stub's {@link Unimplemented} found as {@code e} or as its cause; the caller goes on otherwise. */
    static void rethrowUnimplemented(Throwable e) {
        if (e instanceof Unimplemented u) {
            throw new AssertionFailedError(Safely.message(u), u);
        }
    }
}
