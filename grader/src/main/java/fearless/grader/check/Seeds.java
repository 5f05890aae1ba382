package fearless.grader.check;

/**
 * The seed of this grading run. Every randomized or scheduled check draws from it, so the same
 * submission with the same seed gets the same verdicts; the report prints it to reproduce a
 * failure with {@code --seed}.
 */
public final class Seeds {

    /** The system property through which the engine hands the seed to the checks. */
    public static final String PROPERTY = "fearless.seed";

    /** The seed used when none is given. */
    public static final long DEFAULT = 42L;

    private Seeds() {
    }

    /** The run's seed, fixed when the child started ({@link RunSettings}). */
    public static long seed() {
        return RunSettings.seed();
    }

    /** A seed for one check: the run's seed mixed with the check's name, independent of run order. */
    public static long forCheck(String check) {
        long h = seed() ^ 0x9E3779B97F4A7C15L;
        for (int i = 0; i < check.length(); i++) {
            h = (h ^ check.charAt(i)) * 0x100000001B3L;
        }
        return h;
    }
}
