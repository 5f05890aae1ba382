package fearless.grader.notes;

/** What a Rust snippet's fence claims rustc does with it, in rustdoc's words. */
enum Outcome {

    /** {@code ```rust}: it compiles, and running it ends with exit code 0. */
    RUNS("compiles and runs to exit 0"),

    /** {@code ```rust,should_panic}: it compiles, and running it panics. */
    PANICS("compiles and panics when run"),

    /** {@code ```rust,compile_fail,E0499}: rustc refuses it, E0499 among its errors. */
    REFUSED("does not compile"),

    /** {@code ```rust,no_run}: it compiles; it is not run (it is meant to hang, or to run forever). */
    COMPILES("compiles (not run)");

    private final String claim;

    Outcome(String claim) {
        this.claim = claim;
    }

    /** The claim in words, for a message: "the fence says it compiles and runs to exit 0". */
    String claim() {
        return claim;
    }

    /** Whether the snippet is run, so that an output block after it can be checked. */
    boolean runs() {
        return this == RUNS || this == PANICS;
    }
}
