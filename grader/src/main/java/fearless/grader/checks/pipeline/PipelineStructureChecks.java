package fearless.grader.checks.pipeline;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import fearless.api.Unimplemented;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Safely;
import fearless.grader.check.structure.RuleCheck;
import fearless.grader.check.structure.StructureRules;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * Structure checks: the pipeline's threads come from the {@code Threads} it was given and its
 * channels from the {@code ChannelProvider} it was given, and it waits by receiving and joining,
 * never by sleeping. Each check first runs the pipeline, so a stub fails with its "not yet
 * implemented" rather than pass for using nothing forbidden.
 */
@Exercise("pipeline")
class PipelineStructureChecks {

    private static final String PACKAGE = "pipeline";

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"T1"})
    void threads_only_through_threads() {
        requireWorking();
        RuleCheck.assertHolds(PACKAGE, StructureRules.onlyGivenThreads(),
                "the pipeline starts threads of its own: spawn every stage through the Threads it was given, "
                        + "and join the handles (T1)",
                Stages.LESSON);
    }

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"M1"})
    void channels_only_through_the_provider() {
        requireWorking();
        RuleCheck.assertHolds(PACKAGE, StructureRules.noJdkQueues(),
                "the pipeline passes values through a queue of java.util.concurrent: connect the stages with channels "
                        + "made by the ChannelProvider it was given (M1)",
                Stages.LESSON);
        RuleCheck.assertHolds(PACKAGE, noChannelOfItsOwn(),
                "the pipeline makes channels of its own: connect the stages with channels made by the ChannelProvider "
                        + "it was given (M1)",
                Stages.LESSON);
    }

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"M3"})
    void no_sleep_to_wait() {
        requireWorking();
        RuleCheck.assertHolds(PACKAGE, StructureRules.noThreadSleep(),
                "the pipeline sleeps to wait for its stages: a stage waits by receiving, which ends on "
                        + "disconnection (M3), and the caller waits by joining",
                Stages.LESSON);
    }

    /** Runs the pipeline once, so that a stub fails with "not yet implemented"; a bug is for the other checks. */
    private static void requireWorking() {
        Stages stages = new Stages();
        List<Integer> input = List.of(1, 2, 3);
        try {
            stages.run(Stages.call(input, "first = x -> x, second = y -> y"), input, stages.first(x -> x),
                    stages.second(y -> y));
        } catch (Unimplemented stub) {
            throw new AssertionFailedError(Safely.message(stub), stub);
        }
    }

    /** No class that is a channel end or a channel provider, and no use of an exercise's own channel classes. */
    private static ArchRule noChannelOfItsOwn() {
        return noClasses().should().beAssignableTo(describe("a Sender, Receiver or ChannelProvider",
                        (JavaClass c) -> c.isAssignableTo(fearless.api.channel.Sender.class)
                                || c.isAssignableTo(fearless.api.channel.Receiver.class)
                                || c.isAssignableTo(fearless.api.channel.ChannelProvider.class)))
                .orShould().dependOnClassesThat(describe("the classes of an exercise channel or sync-channel",
                        (JavaClass c) -> c.getPackageName().endsWith(".channel")
                                && !c.getPackageName().startsWith("fearless.api")
                                || c.getPackageName().endsWith(".syncchannel")))
                .as("no class may be a channel of its own or use the channel exercises' classes: the channels "
                        + "come from the ChannelProvider given");
    }
}
