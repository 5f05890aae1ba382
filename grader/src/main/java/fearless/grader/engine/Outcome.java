package fearless.grader.engine;

import fearless.grader.report.Status;

/** How one check ended, as the parent established it. */
record Outcome(Status status, String message, long durationMs) {
}
