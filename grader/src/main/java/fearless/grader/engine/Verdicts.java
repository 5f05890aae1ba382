package fearless.grader.engine;

import fearless.grader.check.RunSettings;
import java.util.function.Function;

/**
 * How a check's failure reads, for the child's listener: {@code {status, detail}}. The child
 * creates it before any check runs, which is when the checks' configuration is fixed.
 */
public final class Verdicts implements Function<Throwable, String[]> {

    public Verdicts() {
        RunSettings.fix();
    }

    @Override
    public String[] apply(Throwable failure) {
        return new String[] {Feedback.status(failure).id(), Feedback.describe(failure)};
    }
}
