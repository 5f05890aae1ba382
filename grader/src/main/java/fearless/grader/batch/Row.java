package fearless.grader.batch;

import fearless.grader.report.GradeReport;
import java.util.Optional;

/**
 * What the gradebook holds of one submission in one run: who, what exactly (its content hash), how
 * (seed, exercises, grader version), the verdict and, when it was graded, the whole report.
 *
 * @param source the folder's or zip's name in the class folder
 * @param reason why it was not graded, or what the grader refused of it; empty when nothing to say
 * @param exercises the exercise selection, a comma list; empty for all
 * @param gradedAt when the row was written, UTC, {@code 2024-01-31T09:15:02.123Z} (sorts as text)
 */
public record Row(String student, String source, String contentHash, Status status, String reason, int score,
                  int maxScore, long seed, String exercises, String graderVersion, String gradedAt, long durationMs,
                  Optional<GradeReport> report) {

    /** A row's verdict, as the gradebook spells it. */
    public enum Status {
        /** Graded; the score is the grader's. */
        GRADED("graded"),
        /** The grader would not grade it (no Java, not a zip, no provider): the reason says why. */
        NOT_GRADED("not graded"),
        /** Another entry of the class folder maps to the same student: neither is graded. */
        DUPLICATE("duplicate"),
        /** Neither a folder nor a zip. */
        IGNORED("ignored"),
        /** The grader itself failed on it: a rerun tries again. */
        ERROR("error");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Status of(String label) {
            for (Status status : values()) {
                if (status.label.equals(label)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("no status '" + label + "'");
        }
    }

    /**
     * Whether a rerun may keep this row for a submission with {@code hash}, graded with {@code seed},
     * {@code exercises} and {@code graderVersion}, whose status would be {@code expected}: only a
     * grader's failure is always tried again.
     */
    public boolean stillHolds(String hash, Status expected, String reasonExpected, long seed, String exercises,
                              String graderVersion) {
        boolean sameInput = contentHash.equals(hash) && this.seed == seed && this.exercises.equals(exercises)
                && this.graderVersion.equals(graderVersion);
        return switch (expected) {
            case GRADED, NOT_GRADED -> sameInput && (status == Status.GRADED || status == Status.NOT_GRADED);
            case DUPLICATE, IGNORED -> sameInput && status == expected && reason.equals(reasonExpected);
            case ERROR -> false;
        };
    }
}
