package fearless.grader.checks.syncchannel;

import static fearless.grader.checks.syncchannel.SyncChannels.check;

import fearless.api.Result;
import fearless.api.channel.RecvError;
import fearless.api.channel.SyncChannel;
import fearless.api.channel.SyncSender;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Seeds;
import fearless.grader.check.property.Invariant;
import fearless.grader.check.property.StatefulProperty;
import fearless.grader.check.race.Bounded;
import fearless.grader.check.race.Patience;
import fearless.grader.check.race.WatchedCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The bounded channel against simple models: generated one-thread sequences of trySend, tryRecv,
 * cloneSender and closes against a queue with a bound ({@link BufferModel}), for bounds 0 to 3;
 * and generated producers on a small bound, whose messages must each arrive once, in each
 * producer's order.
 */
@Exercise("sync-channel")
class SyncChannelPropertyChecks {

    /** Sequences per bound. */
    private static final int EXAMPLES = 60;

    @Graded(points = 4, category = Category.PROPERTY, rules = {"M10", "M11", "M2", "M5", "M8", "M9"})
    void bounded_buffer_model() {
        SyncChannels.requireImplemented();
        for (int bound = 0; bound <= 3; bound++) {
            int b = bound;
            StatefulProperty.of("syncChannel(" + bound + ")", () -> new BufferOps.Ends(b), () -> new BufferModel(b),
                            BufferOps.sequences())
                    .invariant(new Invariant<>("messages dropped (closed) so far", "M9", BufferOps.Ends::drops,
                            m -> m.dropped))
                    .examples(EXAMPLES)
                    .check("sync-channel/bounded_buffer_model/" + bound);
        }
    }

    /**
     * 2 to 5 producers (each with its own clone of the sender) send 80 to 200 numbered messages
     * each into a channel of bound 0, then 1, then 2 or 3; the receiver reads until every sender is
     * closed. Every
     * message must arrive exactly once, and each producer's in the order it sent them (M13). The
     * numbers come from the check's seed; the interleaving from the scheduler.
     */
    @Graded(points = 3, category = Category.PROPERTY, rules = {"M13", "M10", "M3", "M4"}, dependsOnScheduling = true)
    void producers_exactly_once_in_order() {
        SyncChannels.requireImplemented();
        long seed = Seeds.forCheck("sync-channel/producers_exactly_once_in_order");
        Random random = new Random(seed);
        for (int round = 0; round < 3; round++) {
            int producers = 2 + random.nextInt(4);
            int each = 80 + random.nextInt(121);
            int bound = round < 2 ? round : 2 + random.nextInt(2);
            String setup = producers + " producers sending " + each + " messages each into syncChannel(" + bound
                    + ") (seed " + Seeds.seed() + ")";
            Duration budget = Patience.stretched(Duration.ofSeconds(2), 1, Duration.ofSeconds(5));
            Bounded.run(setup + ": the receiver or a producer never finished: a wake-up was lost, or the last "
                    + "sender's close did not disconnect the receiver (M10, M3)", budget, () -> {
                SyncChannel<long[]> ch = SyncChannels.fresh(bound);
                List<WatchedCall<Object>> threads = new ArrayList<>();
                for (int p = 0; p < producers; p++) {
                    SyncSender<long[]> tx = ch.sender().cloneSender();
                    long id = p;
                    threads.add(WatchedCall.start("producer-" + p, () -> {
                        for (int i = 0; i < each; i++) {
                            tx.send(new long[] {id, i}).unwrap();
                            Patience.progress();
                        }
                        tx.close();
                        return null;
                    }));
                }
                ch.sender().close();
                int[] next = new int[producers];
                int total = 0;
                Result<long[], RecvError> r;
                while ((r = ch.receiver().recv()) instanceof Result.Ok<long[], RecvError> ok) {
                    long[] m = ok.value();
                    int p = (int) m[0];
                    int got = (int) m[1];
                    int want = next[p];
                    check(got == want, () -> setup + ": producer " + p + "'s message " + got + " arrived when its "
                            + "message " + want + " was due: " + (got < want ? "a duplicate" : "a message was lost or "
                            + "overtaken") + " (M13)");
                    next[p]++;
                    total++;
                    Patience.progress();
                }
                int received = total;
                check(received == producers * each, () -> setup + ": the receiver got " + received + " messages before "
                        + "disconnection, not " + producers * each + " (M13, M4)");
                for (WatchedCall<Object> t : threads) {
                    t.awaitDone(Patience.prompt());
                    t.result("a producer's sends");
                }
            });
        }
    }
}
