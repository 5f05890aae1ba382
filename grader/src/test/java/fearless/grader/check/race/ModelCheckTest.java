package fearless.grader.check.race;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelCheckTest {

    /** Lincheck 3.7's report when the code under test wrote a file, as it printed it. */
    private static final String FILE_WRITE = """
            Wow! You've caught a bug in Lincheck.
            Exception stacktrace:
            java.lang.IllegalStateException: File operations are not supported in Lincheck
            \tat org.jetbrains.kotlinx.lincheck.strategy.nativecalls.io.DeterministicFileMethodDescriptorKt.throwUnsupportedFileError(DeterministicFileMethodDescriptor.kt:53)
            \tat org.jetbrains.kotlinx.lincheck.strategy.managed.ManagedStrategy.onMethodCall(ManagedStrategy.kt:1762)
            \tat sun.nio.ch.lincheck.Injections.onMethodCall(Injections.java:789)
            \tat fearless.solutions.mutex.BasicMutex.lock(BasicMutex.java:69)
            \tat fearless.grader.checks.mutex.LockedCounter.get(LockedCounter.java:40)
            """;

    @Test
    void a_file_operation_is_placed_in_the_code_under_test() {
        assertEquals(Optional.of("at fearless.solutions.mutex.BasicMutex.lock(BasicMutex.java:69)"),
                ModelCheck.firstFrameOutsideLincheck(FILE_WRITE));
    }

    @Test
    void the_unsupported_file_operation_is_recognised() {
        assertEquals(true, FILE_WRITE.contains(ModelCheck.UNSUPPORTED_FILE_IO));
    }

    @Test
    void a_report_without_frames_places_nothing() {
        assertEquals(Optional.empty(), ModelCheck.firstFrameOutsideLincheck("= Invalid execution results ="));
    }
}
