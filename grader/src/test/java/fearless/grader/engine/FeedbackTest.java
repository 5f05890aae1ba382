package fearless.grader.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.grader.check.GraderError;
import fearless.grader.check.Hung;
import fearless.grader.report.Status;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class FeedbackTest {

    @Test
    void verdict_follows_what_was_thrown() {
        assertEquals(Status.FAILED, Feedback.status(new AssertionError("x")));
        assertEquals(Status.FAILED, Feedback.status(new IllegalStateException("student bug")));
        assertEquals(Status.ERROR, Feedback.status(new GraderError("race checker inactive")));
        assertEquals(Status.TIMEOUT, Feedback.status(new Hung("threads stuck")));
        assertEquals(Status.TIMEOUT, Feedback.status(new TimeoutException("timed out after 6 seconds")));
    }

    @Test
    void assertion_message_is_the_feedback() {
        assertEquals("two holders at once (X2)", Feedback.describe(new AssertionError("two holders at once (X2)")));
    }

    @Test
    void hostile_get_message_is_contained() {
        RuntimeException hostile = new RuntimeException() {
            private static final long serialVersionUID = 1L;

            @Override
            public String getMessage() {
                throw new IllegalStateException("no");
            }
        };
        String text = Feedback.describe(hostile);
        assertTrue(text.contains("getMessage() threw java.lang.IllegalStateException"), text);
    }

    @Test
    void huge_messages_are_capped() {
        String text = Feedback.describe(new AssertionError("x".repeat(1_000_000)));
        assertTrue(text.length() < Feedback.MAX_CHARS + 100, "length " + text.length());
        assertTrue(text.endsWith("more characters cut)"));
    }

    @Test
    void unexpected_exceptions_show_the_submission_frames_only() {
        IllegalStateException e = new IllegalStateException("boom");
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("java.util.Objects", "requireNonNull", "Objects.java", 1),
            new StackTraceElement("fearless.exercises.mutex.BasicMutex", "lock", "BasicMutex.java", 42),
            new StackTraceElement("fearless.grader.checks.mutex.MutexChecks", "smoke", "MutexChecks.java", 9),
        });
        String text = Feedback.describe(e);
        assertTrue(text.startsWith("the submission threw java.lang.IllegalStateException: boom"), text);
        assertTrue(text.contains("BasicMutex.lock(BasicMutex.java:42)"), text);
        assertFalse(text.contains("MutexChecks"), text);
        assertFalse(text.contains("Objects"), text);
    }
}
