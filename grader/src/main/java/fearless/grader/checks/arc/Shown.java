package fearless.grader.checks.arc;

/**
 * An outcome the property compares as text and prints as it reads: {@code Optional.empty},
 * {@code Ok("v0")}, {@code strong 2, weak 1}. Only the checks make these, never the submission.
 */
record Shown(String text) {

    static final Shown PRESENT = new Shown("Optional[Arc]");
    static final Shown EMPTY = new Shown("Optional.empty");
    static final Shown ERR_SAME = new Shown("Err(the same handle)");

    static Shown ok(String value) {
        return new Shown(value == null ? "Ok(null)" : "Ok(\"" + value + "\")");
    }

    static Shown counts(int strong, int weak) {
        return new Shown("strong " + strong + ", weak " + weak);
    }

    @Override
    public String toString() {
        return text;
    }
}
