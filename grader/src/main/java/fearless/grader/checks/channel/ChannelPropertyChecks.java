package fearless.grader.checks.channel;

import fearless.api.channel.Channel;
import fearless.api.channel.Sender;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Safely;
import fearless.grader.check.Seeds;
import fearless.grader.check.property.Invariant;
import fearless.grader.check.property.StatefulProperty;
import fearless.grader.check.race.Bounded;
import fearless.grader.check.race.Patience;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.opentest4j.AssertionFailedError;

/**
 * The channel against simple models: on one thread, random sequences of sends, receives of every
 * kind, clones and closes against a queue; on many threads, generated producers whose messages
 * must all come out exactly once, each producer's in order.
 */
@Exercise("channel")
class ChannelPropertyChecks {

    /**
     * Random single-threaded sequences (send on any sender, tryRecv, recv where it cannot wait,
     * recvTimeout(0), a drained tryIter, cloneSender, closing a sender or the receiver, again too)
     * must give the outcomes an {@code ArrayDeque} model predicts, and the receiver's close must
     * drop exactly the messages the model holds, in order. The first disagreement is minimized.
     */
    @Graded(points = 3, category = Category.PROPERTY, rules = {"M1", "M2", "M3", "M4", "M5", "M8", "M9"})
    void single_thread_model() {
        Channels.requireImplemented();
        Bounded.run("a single-threaded sequence of channel operations blocked: on one thread, with a message "
                        + "there or every sender closed, no call may wait (M3, M5, M6, M7)", Duration.ofSeconds(5),
                () -> StatefulProperty.of("channel", ChannelModel.Real::new, ChannelModel::new, ChannelOps.sequences())
                        .invariant(new Invariant<>("messages dropped (closed) so far", "M9",
                                ChannelModel.Real::dropped, m -> List.copyOf(m.dropped)))
                        .cleanup(ChannelModel.Real::closeAll)
                        .examples(200)
                        .check("channel/single_thread_model"));
    }

    /** Rounds of the producers property. */
    private static final int ROUNDS = 12;

    /**
     * Generated producers (1 to 6 threads, each with its own clone, each sending 0 to 400
     * messages, released together) and one receiver iterating until disconnection: every message
     * comes out exactly once, and each producer's in the order it sent them (M13, M1); the
     * iteration ends once every producer has closed its sender (M7).
     */
    @Graded(points = 3, category = Category.PROPERTY, rules = {"M13", "M1", "M7"}, dependsOnScheduling = true)
    void producers_exactly_once_in_order() {
        Channels.requireImplemented();
        long seed = Seeds.forCheck("channel/producers_exactly_once_in_order");
        Random random = new Random(seed);
        for (int round = 0; round < ROUNDS; round++) {
            int producers = 1 + random.nextInt(6);
            int[] counts = new int[producers];
            for (int p = 0; p < producers; p++) {
                counts[p] = random.nextInt(5) == 0 ? random.nextInt(3) : 50 + random.nextInt(350);
            }
            runRound(counts, seed);
        }
    }

    private static void runRound(int[] counts, long seed) {
        String setup = counts.length + " producers sending " + java.util.Arrays.toString(counts) + " messages";
        Bounded.run("with " + setup + ", receiving every message did not finish: the iteration must end once every "
                + "sender is closed (M7), and no message may be lost (M13)", Duration.ofSeconds(4), () -> {
                    Channel<Long> ch = Channels.fresh();
                    CountDownLatch start = new CountDownLatch(1);
                    List<Thread> threads = new ArrayList<>();
                    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
                    for (int p = 0; p < counts.length; p++) {
                        Sender<Long> tx = ch.sender().cloneSender();
                        int id = p;
                        Thread t = new Thread(() -> {
                            try (tx) {
                                start.await(2, TimeUnit.SECONDS);
                                for (int i = 0; i < counts[id]; i++) {
                                    if (tx.send(((long) id << 32) | i).isErr()) {
                                        throw new AssertionFailedError("tx.send() on producer " + id
                                                + " returned Err although the receiver is open (M1)");
                                    }
                                    if (i % 16 == 0) {
                                        Thread.yield();
                                        Patience.progress();
                                    }
                                }
                            } catch (Throwable e) {
                                failures.add(e);
                            }
                        }, "producer-" + p);
                        t.setDaemon(true);
                        threads.add(t);
                    }
                    ch.sender().close();
                    threads.forEach(Thread::start);
                    start.countDown();
                    int[] next = new int[counts.length];
                    int total = 0;
                    for (Long m : ch.receiver()) {
                        Patience.progress();
                        if (m == null) {
                            throw new AssertionFailedError("with " + setup + ", the receiver got null: a message was "
                                    + "lost or the buffer corrupted by two senders at once (M13). Rerun with the "
                                    + "same seed; the outcome depends on scheduling.");
                        }
                        int id = (int) (m >>> 32);
                        int seq = (int) (m & 0xFFFF_FFFFL);
                        if (id < 0 || id >= counts.length || seq != next[id]) {
                            String expected = id >= 0 && id < counts.length ? "its message " + next[id] : "nothing";
                            throw new AssertionFailedError("with " + setup + ", the receiver got message " + seq
                                    + " of producer " + id + " where " + expected + " was due: every message is "
                                    + "received exactly once (M13), each sender's in the order sent (M1); a message "
                                    + (id >= 0 && id < counts.length && seq > next[id] ? "was lost" : "came twice")
                                    + ". The senders of several threads must add to the buffer under the same lock. "
                                    + "(seed " + seed + "; the outcome depends on scheduling)");
                        }
                        next[id]++;
                        total++;
                    }
                    for (Thread t : threads) {
                        t.join(1000);
                    }
                    if (!failures.isEmpty()) {
                        Throwable e = failures.get(0);
                        if (e instanceof AssertionError a) {
                            throw a;
                        }
                        if (e instanceof fearless.api.Unimplemented) {
                            throw new AssertionFailedError(Safely.message(e), e);
                        }
                        throw new AssertionFailedError("a producer's send threw " + Safely.describe(e) + " (M1)", e);
                    }
                    int sent = java.util.Arrays.stream(counts).sum();
                    int got = total;
                    if (got != sent) {
                        throw new AssertionFailedError("with " + setup + ", the receiver's iteration ended after "
                                + got + " of " + sent + " messages: every message is received exactly once (M13), "
                                + "and the iteration ends only once nothing is buffered (M4, M7)");
                    }
                });
    }
}
