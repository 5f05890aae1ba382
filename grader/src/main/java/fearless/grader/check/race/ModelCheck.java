package fearless.grader.check.race;

import fearless.grader.check.Safely;
import fearless.api.Unimplemented;
import fearless.grader.check.GraderError;
import fearless.grader.check.Seeds;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.ManagedStrategyGuaranteeKt;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.util.LoggingLevel;
import org.opentest4j.AssertionFailedError;

/**
 * Systematic exploration of thread interleavings with Lincheck's model checker, checked for
 * linearizability against the test class run sequentially.
 *
 * <p>The test class is public, has a public no-argument constructor, and creates its object under
 * test in a field initializer through the submission's provider
 * ({@code private final Mutex<Integer> m = MUTEXES.create(0);}): Lincheck misses races on objects
 * made by a constructor reference or by reflection, but sees them on objects a provider's method
 * made inside the instrumented test code. Its operations are public no-argument methods.
 *
 * <pre>{@code
 * ModelCheck.of("mutex/counter_is_linearizable", LockedCounter.class)
 *     .scenario(ModelCheck.Scenario.of().thread("inc", "inc").thread("inc").post("get"))
 *     .onFailure("two threads held the lock at once: an increment was lost (X2)")
 *     .check();
 * }</pre>
 *
 * <p>Budget and determinism: Lincheck 3.7 cannot take a seed. Its scenario generator
 * ({@code RandomProvider}) and its model checker ({@code ModelCheckingStrategy}) draw from
 * constant seeds, so a run is a pure function of the test class and the options. The checks use
 * fixed scenarios (few operations, two or three threads) with a bounded number of interleavings
 * each; generated scenarios are opt-in ({@link #generated}). The run's seed is printed all the
 * same, for the report's sake.
 *
 * <p>Before Lincheck runs, {@link #check()} plays every scenario once on one thread: an
 * {@link Unimplemented} or any other exception fails the check at once, without paying for the
 * model checker (a stub would otherwise "pass": it throws the same way in every order). Then
 * {@link RaceCanary#requireActive()} makes sure races are visible on this JVM.
 */
public final class ModelCheck {

    /** A fixed scenario: operations run before, in parallel (one list per thread), and after. */
    public static final class Scenario {
        private final List<String> init = new ArrayList<>();
        private final List<List<String>> threads = new ArrayList<>();
        private final List<String> post = new ArrayList<>();

        private Scenario() {
        }

        public static Scenario of() {
            return new Scenario();
        }

        /** Operations run on one thread before the parallel part. */
        public Scenario init(String... operations) {
            init.addAll(List.of(operations));
            return this;
        }

        /** One thread of the parallel part, running {@code operations} in order. */
        public Scenario thread(String... operations) {
            threads.add(List.of(operations));
            return this;
        }

        /** Operations run on one thread after the parallel part (to observe the final state). */
        public Scenario post(String... operations) {
            post.addAll(List.of(operations));
            return this;
        }

        List<String> sequential() {
            List<String> all = new ArrayList<>(init);
            threads.forEach(all::addAll);
            all.addAll(post);
            return all;
        }

        ExecutionScenario toLincheck(Class<?> testClass) {
            List<List<Actor>> parallel = new ArrayList<>();
            for (List<String> thread : threads) {
                parallel.add(actors(testClass, thread));
            }
            return new ExecutionScenario(actors(testClass, init), parallel, actors(testClass, post), null);
        }

        @Override
        public String toString() {
            return "init " + init + ", threads " + threads + ", post " + post;
        }

        private static List<Actor> actors(Class<?> testClass, List<String> operations) {
            List<Actor> actors = new ArrayList<>();
            for (String op : operations) {
                actors.add(new Actor(operation(testClass, op), List.of()));
            }
            return actors;
        }
    }

    /** Interleavings explored per scenario at most; small scenarios are exhausted well before. */
    private static final int DEFAULT_INVOCATIONS = 2_000;

    /** How long the single-threaded dry run of all scenarios may take. */
    private static final Duration DRY_RUN_TIMEOUT = Duration.ofSeconds(2);

    /**
     * How long one interleaving may run on an idle machine before Lincheck reports a hang. Lincheck
     * sees most hangs for what they are (every thread waiting, or one spinning without end); this
     * bound on the clock is only the backstop, so it stretches with the machine's load, as every
     * hang verdict does ({@link Patience}), up to {@link #MAX_INVOCATION_TIMEOUT}.
     */
    private static final Duration INVOCATION_TIMEOUT = Duration.ofSeconds(2);

    /** The longest an interleaving may run however loaded the machine: below the check's own time limit. */
    private static final Duration MAX_INVOCATION_TIMEOUT = Duration.ofSeconds(8);

    private final String checkId;
    private final Class<?> testClass;
    private final List<Scenario> scenarios = new ArrayList<>();
    private int invocations = DEFAULT_INVOCATIONS;
    private int generatedIterations;
    private int generatedThreads = 2;
    private int generatedActorsPerThread = 3;
    private final List<String> atomicClasses = new ArrayList<>();
    private String firstLine = "the operations are not linearizable: a concurrent run gave results no sequential order gives";
    private String hangLine = "under some interleaving the threads hung: a waiting thread was never woken, or threads "
            + "wait for each other (deadlock)";
    private String exceptionLine = "under some interleaving an operation threw, although it does not on a single thread";

    private ModelCheck(String checkId, Class<?> testClass) {
        this.checkId = Objects.requireNonNull(checkId);
        this.testClass = Objects.requireNonNull(testClass);
    }

    /** A model check for the check {@code checkId} of the operations of {@code testClass}. */
    public static ModelCheck of(String checkId, Class<?> testClass) {
        return new ModelCheck(checkId, testClass);
    }

    /** Adds a fixed scenario; fixed scenarios run first, in the order added. */
    public ModelCheck scenario(Scenario scenario) {
        scenarios.add(Objects.requireNonNull(scenario));
        return this;
    }

    /** Interleavings explored per scenario at most (default 2000). */
    public ModelCheck invocations(int perScenario) {
        this.invocations = perScenario;
        return this;
    }

    /**
     * Adds {@code iterations} scenarios generated by Lincheck from the test class's
     * {@code @Operation} methods (deterministic: Lincheck seeds its generator with a constant).
     */
    public ModelCheck generated(int iterations, int threads, int actorsPerThread) {
        this.generatedIterations = iterations;
        this.generatedThreads = threads;
        this.generatedActorsPerThread = actorsPerThread;
        return this;
    }

    /**
     * Classes (by name prefix, e.g. {@code fearless.api.Result} for it and its nested classes) the
     * model checker runs as one atomic step, without thread switches inside their methods: value
     * classes of the api, which hold no shared state. Fewer switch points let the same budget
     * reach the interleavings that matter. Never name a class whose methods call the submission.
     */
    public ModelCheck atomic(String... classNamePrefixes) {
        atomicClasses.addAll(List.of(classNamePrefixes));
        return this;
    }

    /** The first line of the feedback when a bad interleaving is found: what went wrong, with rule ids. */
    public ModelCheck onFailure(String firstLine) {
        this.firstLine = Objects.requireNonNull(firstLine);
        return this;
    }

    /** The first line of the feedback when some interleaving hangs (a lost wake-up, a deadlock), with rule ids. */
    public ModelCheck onHang(String firstLine) {
        this.hangLine = Objects.requireNonNull(firstLine);
        return this;
    }

    /** The first line of the feedback when some interleaving makes an operation throw, with rule ids. */
    public ModelCheck onException(String firstLine) {
        this.exceptionLine = Objects.requireNonNull(firstLine);
        return this;
    }

    /**
     * Runs the model check. Fails (AssertionFailedError) with the trimmed failing scenario and
     * interleaving; throws {@link GraderError} if the race checker is inactive on this JVM or
     * Lincheck itself breaks.
     */
    public void check() {
        dryRun();
        RaceCanary.requireActive();
        String failure = explore();
        if (failure != null && failure.contains(UNSUPPORTED_FILE_IO)) {
            // Lincheck words it as its own bug, but the file operation is the submission's.
            throw new AssertionFailedError("the code under test did file input or output while the model checker ran"
                    + " it, and Lincheck cannot explore file operations, so no interleaving could be checked. Nothing"
                    + " in this exercise needs a file: take the file access out (printing to System.out is fine)."
                    + firstFrameOutsideLincheck(failure).map(frame -> "\nThe file operation: " + frame).orElse(""));
        }
        if (failure != null && failure.contains("caught a bug in Lincheck")) {
            // Lincheck's own internal error is no verdict on the submission.
            throw new GraderError("the model checker (Lincheck) broke while running " + checkId + " on java.version="
                    + System.getProperty("java.version") + ":\n" + LincheckFeedback.trim(failure));
        }
        if (failure != null) {
            throw new AssertionFailedError(headline(failure) + "\n"
                    + "Lincheck tried the interleavings of a small scenario and found this one:\n"
                    + LincheckFeedback.trim(failure) + "\n"
                    + "(model checking; Lincheck's exploration is deterministic, seed " + Seeds.seed() + ")");
        }
    }

    /** Where the code under test was when Lincheck stopped it: the first stack frame that is not Lincheck's. */
    static Optional<String> firstFrameOutsideLincheck(String failure) {
        return failure.lines().map(String::strip)
                .filter(line -> line.startsWith("at ") && !line.contains("lincheck"))
                .findFirst();
    }

    /** The first line for Lincheck's kind of failure (its report's title). */
    private String headline(String failure) {
        if (failure.contains(" has hung")) {
            return hangLine;
        }
        if (failure.contains("= The execution failed with an unexpected exception =")) {
            return exceptionLine;
        }
        return firstLine;
    }

    /** Lincheck's report when the code it runs opens, reads or writes a file (measured on Lincheck 3.7). */
    static final String UNSUPPORTED_FILE_IO = "File operations are not supported in Lincheck";

    /** Runs Lincheck; Lincheck's failure text, or null if every interleaving explored was fine. */
    String explore() {
        ModelCheckingOptions options = new ModelCheckingOptions()
                .iterations(generatedIterations)
                .threads(generatedThreads)
                .actorsPerThread(generatedActorsPerThread)
                .actorsBefore(1)
                .actorsAfter(1)
                .invocationsPerIteration(invocations)
                .minimizeFailedScenario(true)
                .logLevel(LoggingLevel.OFF)
                // Lincheck 3.7 exposes the per-invocation timeout only under its internal name.
                .invocationTimeout$lincheck(Patience.stretched(INVOCATION_TIMEOUT, 2, MAX_INVOCATION_TIMEOUT).toMillis());
        for (Scenario s : scenarios) {
            options.addCustomScenario(s.toLincheck(testClass));
        }
        if (!atomicClasses.isEmpty()) {
            List<String> prefixes = List.copyOf(atomicClasses);
            options.addGuarantee(ManagedStrategyGuaranteeKt.forClasses(
                    name -> prefixes.stream().anyMatch(name::startsWith)).allMethods().treatAsAtomic());
        }
        try {
            options.check(testClass);
            return null;
        } catch (AssertionError e) {
            return e.getMessage();
        } catch (RuntimeException | LinkageError e) {
            throw new GraderError("the model checker (Lincheck) failed to run " + checkId + " on java.version="
                    + System.getProperty("java.version") + ": " + e, e);
        }
    }

    /**
     * Plays every scenario once on one thread, bounded in time: fails fast when the code fails (or
     * blocks) without any concurrency.
     */
    private void dryRun() {
        Bounded.run("played on a single thread, a scenario of " + checkId + " did not finish: an operation blocked "
                + "although no other thread was running", DRY_RUN_TIMEOUT, () -> {
                    for (Scenario s : scenarios) {
                        Object instance = instantiate();
                        for (String op : s.sequential()) {
                            invokeAlone(instance, op);
                        }
                    }
                });
    }

    private void invokeAlone(Object instance, String op) {
        try {
            operation(testClass, op).invoke(instance);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Unimplemented) {
                throw new AssertionFailedError(Safely.message(cause), cause);
            }
            if (cause instanceof AssertionError assertion) {
                throw assertion;
            }
            throw new AssertionFailedError("fails even on a single thread: " + op + "() threw " + Safely.describe(cause), cause);
        } catch (IllegalAccessException e) {
            throw new GraderError(checkId + ": operation " + op + " is not accessible", e);
        }
    }

    private Object instantiate() {
        try {
            return testClass.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            if (cause instanceof Unimplemented) {
                throw new AssertionFailedError(Safely.message(cause), cause);
            }
            throw new AssertionFailedError("creating the object under test threw " + Safely.describe(cause), cause);
        } catch (ReflectiveOperationException e) {
            throw new GraderError(checkId + ": " + testClass.getName()
                    + " needs a public no-argument constructor for the model checker", e);
        }
    }

    private static Method operation(Class<?> testClass, String name) {
        try {
            return testClass.getMethod(name);
        } catch (NoSuchMethodException e) {
            throw new GraderError(testClass.getName() + " has no public no-argument operation " + name + "()", e);
        }
    }
}
