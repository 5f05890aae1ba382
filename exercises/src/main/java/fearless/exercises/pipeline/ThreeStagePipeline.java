package fearless.exercises.pipeline;

import fearless.api.Unimplemented;
import fearless.api.channel.ChannelProvider;
import fearless.api.channel.Pipeline;
import fearless.api.thread.Threads;
import java.util.List;
import java.util.function.Function;

/**
 * A pipeline of three threads joined by two channels (lesson 8, section 10):
 *
 * <pre>
 * caller --spawns--> source ==channel==> middle ==channel==> sink --join--> caller
 *                    first(x)            second(y)           collects
 * </pre>
 *
 * <p>What {@link #run} must do:
 * <ul>
 *   <li>T1: spawn the source, the middle stage and the sink, each through {@code threads}, all
 *       three before waiting for any of them; the caller's thread runs neither function. The
 *       stages work at the same time: the middle stage takes the first message while the source
 *       still computes later ones.</li>
 *   <li>M1: one sender's messages arrive in the order sent, so the sink collects
 *       {@code second(first(x))} in the order of {@code input}.</li>
 *   <li>M3: shutdown is by disconnection. A stage that is done closes its sender; that ends the
 *       next stage's {@code for (B b : rx)} loop. Every channel end is closed when {@code run}
 *       returns or throws, however the stage ended.</li>
 *   <li>M2: if a later stage failed, its receiver is gone and a send hands the message back as an
 *       {@code Err}: the stage that sees it stops, and the source calls {@code first} no more.</li>
 *   <li>T2: join all three handles, every one, before looking at any outcome. If a stage threw,
 *       throw a {@link fearless.api.Panic} carrying what {@code join} gave as its error, of the
 *       earliest failed stage in pipeline order (source, then middle, then sink).</li>
 * </ul>
 *
 * <p>Hints: make the channels with {@code channels}, never a queue of your own. Give each stage
 * its ends in a try-with-resources block, so that a throw closes them too. An {@code Error}
 * thrown by {@code first} is a failure like any other.
 */
public final class ThreeStagePipeline implements Pipeline {

    private final Threads threads;
    private final ChannelProvider channels;

    public ThreeStagePipeline(Threads threads, ChannelProvider channels) {
        this.threads = threads;
        this.channels = channels;
    }

    @Override
    public <A, B, C> List<C> run(List<? extends A> input, Function<? super A, ? extends B> first,
            Function<? super B, ? extends C> second) {
        throw new Unimplemented("pipeline", "course-notes/08-message-passing.md");
    }
}
