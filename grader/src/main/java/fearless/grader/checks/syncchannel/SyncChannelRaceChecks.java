package fearless.grader.checks.syncchannel;

import static fearless.grader.checks.syncchannel.SyncChannels.check;
import static fearless.grader.checks.syncchannel.SyncChannels.okSame;
import static fearless.grader.checks.syncchannel.SyncChannels.show;

import fearless.api.Result;
import fearless.api.channel.RecvError;
import fearless.api.channel.RecvTimeoutError;
import fearless.api.channel.SendError;
import fearless.api.channel.SyncChannel;
import fearless.api.channel.SyncSender;
import fearless.api.channel.TryRecvError;
import fearless.api.channel.TrySendError;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.race.Patience;
import fearless.grader.check.race.WatchedCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The hand-offs between blocked senders and the receiver, held in step: each thread is made to
 * wait (its state polled until WAITING) before the check acts, so a lost wake-up or a send that
 * completes too early shows every run, not once in a while.
 */
@Exercise("sync-channel")
class SyncChannelRaceChecks {

    /**
     * How long the check watches two woken senders after a receive freed room for one: a second
     * sender that wrongly gets in needs only to be scheduled once, well within this.
     */
    private static final Duration SETTLE = Duration.ofMillis(150);

    private static final Duration MAX_SETTLE = Duration.ofSeconds(1);

    /**
     * On a rendezvous a send completes only together with a receive (M11): a send with no receiver
     * keeps waiting, and returns once a receive took that very message; a receiver that waits first
     * gets the message of the send that comes; and a receiver whose recvTimeout ran out is no longer
     * waiting, so a trySend then is Full and nothing is half-taken.
     */
    @Graded(points = 3, category = Category.RACE, rules = {"M11"})
    void rendezvous_send_waits_for_its_receive() throws InterruptedException {
        SyncChannels.requireImplemented();
        Duration prompt = Patience.prompt();
        for (int round = 0; round < 3; round++) {
            SyncChannel<Object> ch = SyncChannels.fresh(0);
            Object v = new Object();
            WatchedCall<Result<Void, SendError<Object>>> sender = WatchedCall.start("sender", () -> ch.sender().send(v));
            try {
                check(sender.staysWaiting(prompt), () -> "syncChannel(0): tx.send(v) with no receive should wait until "
                        + "a receive takes it (M11), but it " + (sender.isDone() ? "returned "
                        + show(sender.result("tx.send(v)")) + " at once: a rendezvous has no buffer, not a buffer of one"
                        : "never waited"));
                Result<Object, RecvError> got = SyncChannels.quick("rx.recv()", "M11", () -> ch.receiver().recv());
                check(okSame(got, v), () -> "syncChannel(0), a sender waiting in send(v): rx.recv() should return Ok(v), "
                        + "that very object (M11), but it returned " + show(got));
                check(sender.awaitDone(prompt), () -> "syncChannel(0): the receiver took the message, but tx.send(v) "
                        + "was still waiting " + prompt.toMillis() + " ms later (M11)");
                Result<Void, SendError<Object>> sent = sender.result("tx.send(v)");
                check(sent instanceof Result.Ok, () -> "syncChannel(0): once its message was taken, tx.send(v) should "
                        + "return Ok (M11), but it returned " + show(sent));
            } finally {
                sender.abandon();
            }

            SyncChannel<Object> first = SyncChannels.fresh(0);
            WatchedCall<Result<Object, RecvError>> receiver = WatchedCall.start("receiver", () -> first.receiver().recv());
            try {
                check(receiver.awaitWaiting(prompt), () -> "syncChannel(0): rx.recv() with nothing sent should wait "
                        + "(M3), but it " + (receiver.isDone() ? "returned " + show(receiver.result("rx.recv()"))
                        : "never waited"));
                Object w = new Object();
                Result<Void, SendError<Object>> sent = SyncChannels.quick("tx.send(v) to a waiting receiver", "M11",
                        () -> first.sender().send(w));
                check(sent instanceof Result.Ok, () -> "syncChannel(0), a receiver waiting: tx.send(v) should return "
                        + "Ok (M11), but it returned " + show(sent));
                check(receiver.awaitDone(prompt), () -> "syncChannel(0): tx.send(v) returned Ok, but the receiver was "
                        + "still waiting " + prompt.toMillis() + " ms later (M11)");
                Result<Object, RecvError> got = receiver.result("rx.recv()");
                check(okSame(got, w), () -> "syncChannel(0): the waiting receiver should get Ok(v), but got " + show(got));
            } finally {
                receiver.abandon();
            }
        }

        SyncChannel<Object> timed = SyncChannels.fresh(0);
        Result<Object, RecvTimeoutError> out = SyncChannels.quick("rx.recvTimeout(5 ms)", "M6",
                () -> timed.receiver().recvTimeout(Duration.ofMillis(5)));
        check(out.equals(Result.err(RecvTimeoutError.TIMEOUT)), () -> "syncChannel(0), nothing sent: "
                + "rx.recvTimeout(5 ms) should return Err(TIMEOUT), but it returned " + show(out));
        Object late = new Object();
        Result<Void, TrySendError<Object>> ts = SyncChannels.quick("tx.trySend(v)", "M11",
                () -> timed.sender().trySend(late));
        check(ts instanceof Result.Err<Void, TrySendError<Object>> e && e.error() instanceof TrySendError.Full<?>
                && e.error().value() == late, () -> "syncChannel(0): after rx.recvTimeout(5 ms) timed out, no receiver "
                + "waits, so tx.trySend(v) should return Err(Full(v)) (M11), but it returned " + show(ts)
                + ": a receiver that gave up still counted as waiting");
        Result<Object, TryRecvError> none = timed.receiver().tryRecv();
        check(none.equals(Result.err(TryRecvError.EMPTY)), () -> "syncChannel(0): after the timed-out receive and a "
                + "refused trySend, rx.tryRecv() should return Err(EMPTY), but it returned " + show(none));
    }

    /**
     * The receiver is closed while senders wait in send (M12): on a full buffer of one, and on a
     * rendezvous (one sender's message offered, another waiting for its turn). Every sender must be
     * released with Err carrying its own object; the buffered message is dropped (M9), the ones
     * handed back are not.
     */
    @Graded(points = 3, category = Category.RACE, rules = {"M12", "M9", "M2"})
    void receiver_close_releases_blocked_senders() throws InterruptedException {
        SyncChannels.requireImplemented();
        Duration prompt = Patience.prompt();
        for (int bound : new int[] {1, 0}) {
            List<String> drops = new ArrayList<>();
            SyncChannel<Droppable> ch = SyncChannels.fresh(bound);
            if (bound == 1) {
                ch.sender().send(new Droppable("m0", drops));
            }
            SyncSender<Droppable> tx2 = ch.sender().cloneSender();
            Droppable m1 = new Droppable("m1", drops);
            Droppable m2 = new Droppable("m2", drops);
            String setup = "syncChannel(" + bound + ")" + (bound == 1 ? " holding m0" : "") + ", one thread waiting in "
                    + "tx.send(m1), another in tx2.send(m2), then rx.close()";
            WatchedCall<Result<Void, SendError<Droppable>>> s1 = WatchedCall.start("sender-1", () -> ch.sender().send(m1));
            WatchedCall<Result<Void, SendError<Droppable>>> s2 = null;
            try {
                check(s1.awaitWaiting(prompt), () -> setup + ": tx.send(m1) should wait (M10, M11), but it "
                        + (s1.isDone() ? "returned " + show(s1.result("tx.send(m1)")) : "never waited"));
                s2 = WatchedCall.start("sender-2", () -> tx2.send(m2));
                WatchedCall<Result<Void, SendError<Droppable>>> second = s2;
                check(second.awaitWaiting(prompt), () -> setup + ": tx2.send(m2) should wait (M10, M11), but it "
                        + (second.isDone() ? "returned " + show(second.result("tx2.send(m2)")) : "never waited"));
                SyncChannels.quick("rx.close()", "M12", () -> {
                    ch.receiver().close();
                    return null;
                });
                boolean released = s1.awaitDone(prompt) & second.awaitDone(prompt);
                check(released, () -> setup + ": every waiting sender should be released with its message, but "
                        + (s1.isDone() ? "" : "tx.send(m1) ") + (second.isDone() ? "" : "tx2.send(m2) ")
                        + "was still waiting " + prompt.toMillis() + " ms later (M12). Closing the receiver must wake "
                        + "the senders waiting for room");
                Result<Void, SendError<Droppable>> r1 = s1.result("tx.send(m1)");
                Result<Void, SendError<Droppable>> r2 = second.result("tx2.send(m2)");
                check(r1 instanceof Result.Err<Void, SendError<Droppable>> e && e.error().value() == m1,
                        () -> setup + ": tx.send(m1) should return Err(SendError(m1)), its own object: nothing was sent "
                                + "(M12), but it returned " + show(r1));
                check(r2 instanceof Result.Err<Void, SendError<Droppable>> e && e.error().value() == m2,
                        () -> setup + ": tx2.send(m2) should return Err(SendError(m2)), its own object (M12), but it "
                                + "returned " + show(r2));
                List<String> expected = bound == 1 ? List.of("m0") : List.of();
                List<String> seen;
                synchronized (drops) {
                    seen = List.copyOf(drops);
                }
                check(seen.equals(expected), () -> setup + ": rx.close() should drop " + (bound == 1 ? "the buffered m0 "
                        + "only" : "nothing") + ", since m1 and m2 go back to their senders (M9, M12), but the closes "
                        + "were " + seen);
            } finally {
                s1.abandon();
                if (s2 != null) {
                    s2.abandon();
                }
            }
        }
    }

    /**
     * Each receive frees room, and must wake the senders that wait for it (M10, M11). Two senders
     * wait on a full buffer of one: a receive lets exactly one of them in (both would overfill the
     * buffer: an {@code if} where a {@code while} belongs), the other keeps waiting until the next
     * receive. On a rendezvous, one sender's message is offered and another waits for its turn: the
     * receive of the first must also wake the second ({@code notify} wakes only one of them).
     */
    @Graded(points = 3, category = Category.RACE, rules = {"M10", "M11"})
    void recv_wakes_blocked_senders() throws InterruptedException {
        SyncChannels.requireImplemented();
        Duration prompt = Patience.prompt();
        Duration settle = Patience.stretched(SETTLE, 1, MAX_SETTLE);
        for (int bound : new int[] {1, 0}) {
            SyncChannel<String> ch = SyncChannels.fresh(bound);
            if (bound == 1) {
                ch.sender().send("m0");
            }
            SyncSender<String> tx = ch.sender();
            String setup = "syncChannel(" + bound + ")" + (bound == 1 ? " holding m0" : "") + ", a thread waiting in "
                    + "tx.send(\"m1\"), then another in tx.send(\"m2\") on the same sender";
            WatchedCall<Result<Void, SendError<String>>> s1 = WatchedCall.start("sender-1", () -> tx.send("m1"));
            WatchedCall<Result<Void, SendError<String>>> s2 = null;
            try {
                check(s1.awaitWaiting(prompt), () -> setup + ": tx.send(\"m1\") should wait (M10, M11), but it "
                        + (s1.isDone() ? "returned " + show(s1.result("tx.send")) : "never waited"));
                s2 = WatchedCall.start("sender-2", () -> tx.send("m2"));
                WatchedCall<Result<Void, SendError<String>>> second = s2;
                check(second.awaitWaiting(prompt), () -> setup + ": tx.send(\"m2\") should wait (M10, M11), but it "
                        + (second.isDone() ? "returned " + show(second.result("tx.send")) : "never waited"));
                List<String> got = new ArrayList<>();
                got.add(SyncChannels.quick("rx.recv()", "M10", () -> ch.receiver().recv()).unwrapOr(null));
                if (bound == 1) {
                    // Both senders were woken; a correct channel lets one in and the other waits again, for
                    // as long as nobody receives. Watch for the settle time: both returning is the bug.
                    long end = System.nanoTime() + settle.toNanos();
                    while (System.nanoTime() - end < 0 && !(s1.isDone() && second.isDone())) {
                        Thread.sleep(1);
                    }
                    check(!(s1.isDone() && second.isDone()), () -> setup + ": one rx.recv() freed room for one "
                            + "message, but both senders returned: the buffer of 1 then held 2 (M10). A sender woken "
                            + "must look again whether there is room (a while loop around wait, not an if)");
                    long late = System.nanoTime() + prompt.toNanos();
                    while (System.nanoTime() - late < 0 && !s1.isDone() && !second.isDone()) {
                        Thread.sleep(1);
                    }
                    check(s1.isDone() || second.isDone(), () -> setup + ": rx.recv() freed room, but neither waiting "
                            + "sender was let in within " + prompt.toMillis() + " ms (M10): a receive must wake the "
                            + "senders waiting for room");
                }
                for (int i = got.size(); i < 3 - (bound == 0 ? 1 : 0); i++) {
                    Result<String, RecvTimeoutError> r = SyncChannels.quick("rx.recvTimeout", "M10",
                            () -> ch.receiver().recvTimeout(prompt));
                    int n = i;
                    check(r instanceof Result.Ok, () -> setup + ": receive number " + (n + 1) + " found nothing within "
                            + prompt.toMillis() + " ms (it returned " + show(r) + "), although a sender was still "
                            + "waiting to send: the earlier receive woke one waiting thread only, and not the sender "
                            + "waiting for room (M10, M11). Wake every waiting thread (notifyAll)");
                    got.add(r.unwrapOr(null));
                }
                boolean done = s1.awaitDone(prompt) & second.awaitDone(prompt);
                check(done, () -> setup + ": every message was received, but a sender was still waiting "
                        + prompt.toMillis() + " ms later (M10, M11)");
                s1.result("tx.send(\"m1\")");
                second.result("tx.send(\"m2\")");
                Set<String> expected = bound == 1 ? Set.of("m0", "m1", "m2") : Set.of("m1", "m2");
                check(Set.copyOf(got).equals(expected) && got.size() == expected.size(), () -> setup
                        + ": the receives should get " + expected + ", each once, but got " + got + " (M13)");
                if (bound == 1) {
                    check("m0".equals(got.get(0)), () -> setup + ": the first receive should get m0, buffered before "
                            + "the senders came, but got " + got);
                }
            } finally {
                s1.abandon();
                if (s2 != null) {
                    s2.abandon();
                }
            }
        }
    }
}
