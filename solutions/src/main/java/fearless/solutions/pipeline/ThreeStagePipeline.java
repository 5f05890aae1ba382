package fearless.solutions.pipeline;

import fearless.api.Panic;
import fearless.api.Result;
import fearless.api.channel.Channel;
import fearless.api.channel.ChannelProvider;
import fearless.api.channel.Pipeline;
import fearless.api.channel.Receiver;
import fearless.api.channel.Sender;
import fearless.api.thread.JoinHandle;
import fearless.api.thread.Threads;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Three threads joined by two channels, Rust's
 * {@code let (tx1, rx1) = channel(); let (tx2, rx2) = channel();} and three {@code spawn}s.
 *
 * <p>Each stage owns its channel ends in a try-with-resources block: whether it ends by running
 * out of input or by a throw from {@code first} or {@code second}, its ends are closed, which is
 * what ends the next stage (M3) and stops the previous one (M2). The caller spawns all three
 * stages before it waits for any (T1), then joins every one of them before it looks at an outcome
 * (T2), so no thread outlives {@code run}.
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
        Channel<B> toMiddle = channels.channel();
        Channel<C> toSink = channels.channel();
        JoinHandle<Void> source = threads.spawn(() -> {
            feed(input, first, toMiddle.sender());
            return null;
        });
        JoinHandle<Void> middle = threads.spawn(() -> {
            transform(toMiddle.receiver(), second, toSink.sender());
            return null;
        });
        JoinHandle<List<C>> sink = threads.spawn(() -> collect(toSink.receiver()));
        Result<Void, Object> sourceOutcome = source.join();
        Result<Void, Object> middleOutcome = middle.join();
        Result<List<C>, Object> sinkOutcome = sink.join();
        failIfErr("source", sourceOutcome);
        failIfErr("middle", middleOutcome);
        failIfErr("sink", sinkOutcome);
        return sinkOutcome.unwrapOr(List.of());
    }

    /** The source: {@code first} of each element, in order, until the input ends or the receiver is gone. */
    private static <A, B> void feed(List<? extends A> input, Function<? super A, ? extends B> first, Sender<B> out) {
        try (out) {
            for (A element : input) {
                if (out.send(first.apply(element)).isErr()) {
                    return;
                }
            }
        }
    }

    /** The middle stage: {@code second} of each message, until disconnection or the sink is gone. */
    private static <B, C> void transform(Receiver<B> in, Function<? super B, ? extends C> second, Sender<C> out) {
        try (in; out) {
            for (B message : in) {
                if (out.send(second.apply(message)).isErr()) {
                    return;
                }
            }
        }
    }

    /** The sink: every message, in the order received, until disconnection. */
    private static <C> List<C> collect(Receiver<C> in) {
        List<C> collected = new ArrayList<>();
        try (in) {
            for (C message : in) {
                collected.add(message);
            }
        }
        return collected;
    }

    /** A Panic carrying the stage's join error, what its thread threw (T2). */
    private static void failIfErr(String stage, Result<?, Object> outcome) {
        if (outcome instanceof Result.Err<?, Object> err) {
            throw new Panic("the pipeline's " + stage + " stage panicked: " + err.error(), err.error());
        }
    }
}
