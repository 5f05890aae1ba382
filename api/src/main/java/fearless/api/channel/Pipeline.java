package fearless.api.channel;

import java.util.List;
import java.util.function.Function;

/**
 * Three stages, each on its own thread, connected by two channels: "share memory by
 * communicating". Each value has one owner at a time, and moves from stage to stage.
 *
 * <pre>
 * caller --spawns--> source ==channel==> middle ==channel==> sink --join--> caller
 *                    first(x)            second(y)           collects
 * </pre>
 *
 * <p>Rules (see {@code course-notes/08-message-passing.md}): M1 (one sender's messages arrive in
 * order), M2 (a send to a gone receiver fails), M3 (a receive ends once every sender is gone),
 * T1 (each stage on a thread of its own) and T2 (join gives a thread's outcome as a value).
 */
public interface Pipeline {

    /**
     * Runs every element of {@code input} through the stages and returns
     * {@code second(first(x))} for each {@code x}, in the order of {@code input} (M1). The source
     * applies {@code first} to each element in order and sends the results; the middle stage
     * applies {@code second} to each message it receives and sends the results on; the sink
     * collects them into the list it returns. Each stage runs on its own thread, spawned through
     * the pipeline's threads, and the caller's thread runs neither function (T1). The stages work
     * at the same time: the middle stage takes the first message while the source still computes
     * later ones.
     *
     * <p>Shutdown is by disconnection: a stage that is done closes its sender, which ends the next
     * stage's receiving (M3). {@code run} joins all three threads before it returns or throws, and
     * by then every channel end it made is closed.
     *
     * <p>If {@code first} or {@code second} throws (any {@link Throwable}), that stage ends and
     * closes its channel ends; a source whose receiver is gone stops sending and calls
     * {@code first} no more (M2); the later stages end on disconnection. Once all three threads
     * are joined, {@code run} throws a {@link fearless.api.Panic} whose payload is what joining the
     * failed stage gave (T2), of the earliest failed stage in pipeline order.
     */
    <A, B, C> List<C> run(List<? extends A> input, Function<? super A, ? extends B> first,
            Function<? super B, ? extends C> second);
}
