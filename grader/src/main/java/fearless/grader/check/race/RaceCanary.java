package fearless.grader.check.race;

import fearless.grader.check.GraderError;

/**
 * Proof, once per JVM, that the model checker sees races here. Lincheck 3.7 has been seen to
 * pass a racy counter silently on a newer JDK; so before the first model check, a counter with a
 * non-atomic increment (created through a provider method, as the checks create submissions'
 * objects) goes through the same {@link ModelCheck} path. If that race is not found, every
 * model check of this JVM throws {@link GraderError} ("race checker inactive") instead of passing.
 *
 * <p>Cost: the first Lincheck run of a JVM pays 1 to 1.5 s (attaching its agent, instrumenting)
 * whichever run it is; the canary's own exploration adds about 0.2 s on top.
 */
public final class RaceCanary {

    private static Boolean caught;
    private static GraderError broken;
    private static long millis;

    private RaceCanary() {
    }

    /** Runs the canary if this JVM has not yet, and throws {@link GraderError} unless it was caught. */
    public static synchronized void requireActive() {
        if (caught == null && broken == null) {
            long start = System.nanoTime();
            try {
                String failure = ModelCheck.of("canary", RacyCounterTest.class)
                        .scenario(ModelCheck.Scenario.of().thread("increment").thread("increment"))
                        .invocations(200)
                        .explore();
                caught = failure != null && failure.contains("= Invalid execution results =");
            } catch (GraderError e) {
                broken = e;
            }
            millis = (System.nanoTime() - start) / 1_000_000;
        }
        if (broken != null) {
            throw new GraderError("race checker inactive on this JVM (java.version="
                    + System.getProperty("java.version") + "): " + broken.getMessage(), broken);
        }
        if (!caught) {
            throw new GraderError("race checker inactive on this JVM (java.version="
                    + System.getProperty("java.version") + "): it missed the race of a known racy counter; "
                    + "run the checks on a JDK where it works (JDK 17)");
        }
    }

    /** The known racy object: increment reads, then writes, in two steps. */
    public static final class RacyCounter {
        private int value;

        public int increment() {
            int read = value;
            value = read + 1;
            return read + 1;
        }
    }

    /** Makes counters the way a submission's provider makes the objects under test. */
    public static final class RacyCounters {
        public RacyCounter create() {
            return new RacyCounter();
        }
    }

    /** The canary's test class: the counter comes from a provider's method, inside the test code. */
    public static final class RacyCounterTest {
        private static final RacyCounters PROVIDER = new RacyCounters();
        private final RacyCounter counter = PROVIDER.create();

        public int increment() {
            return counter.increment();
        }
    }
}
