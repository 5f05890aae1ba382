package fearless.grader.checks.syncchannel;

import static fearless.grader.checks.syncchannel.SyncChannels.check;
import static fearless.grader.checks.syncchannel.SyncChannels.okSame;
import static fearless.grader.checks.syncchannel.SyncChannels.show;

import fearless.api.ErrorCode;
import fearless.api.Result;
import fearless.api.channel.Receiver;
import fearless.api.channel.RecvError;
import fearless.api.channel.RecvTimeoutError;
import fearless.api.channel.SendError;
import fearless.api.channel.SyncChannel;
import fearless.api.channel.SyncSender;
import fearless.api.channel.TryRecvError;
import fearless.api.channel.TrySendError;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Expect;
import fearless.grader.check.Graded;
import fearless.grader.check.race.Bounded;
import fearless.grader.check.race.Patience;
import fearless.grader.check.race.WatchedCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * Rust's own tests of {@code mpsc::sync_channel} ({@code library/std/src/sync/mpsc/sync_tests.rs}),
 * ported to the bounded channel, grouped a few to a check, and the rest of the Javadoc's promises:
 * E0382 on a closed sender, null messages, the very object back in every error, interrupts during
 * a blocked send, a negative bound. Every call that might block runs bounded.
 */
@Exercise("sync-channel")
class SyncChannelBehaviourChecks {

    /** How long the ports that run threads may take before they count as hung. */
    private static final Duration PORT_BOUND = Duration.ofSeconds(4);

    /**
     * Ports {@code smoke}, {@code smoke_shared}, {@code drop_full}, {@code drop_full_shared},
     * {@code oneshot_single_thread_send_then_recv}, {@code oneshot_single_thread_try_send_open},
     * {@code oneshot_single_thread_try_recv_closed_with_data}, {@code oneshot_single_thread_peek_data},
     * {@code try_recv_states} and {@code recv_a_lot}: one thread, messages in and out of a buffer,
     * the sender's order kept, disconnection after the buffered messages.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"M10", "M3", "M4", "M5", "M8"})
    void single_thread_ports() {
        SyncChannels.requireImplemented();
        Bounded.run("the single-thread ports of Rust's sync_channel tests hung: a send into a buffer with room, or a "
                + "receive with a message buffered, waited (M10, M3)", PORT_BOUND, () -> {
            // smoke, smoke_shared
            SyncChannel<Integer> ch = SyncChannels.fresh(1);
            Integer one = 1;
            Result<Void, SendError<Integer>> sent = ch.sender().send(one);
            check(sent instanceof Result.Ok, () -> "smoke: syncChannel(1); tx.send(1) should return Ok: the buffer had "
                    + "room (M10), but it returned " + show(sent));
            Result<Integer, RecvError> got = ch.receiver().recv();
            check(okSame(got, one), () -> "smoke: rx.recv() after tx.send(1) should return Ok(1) (M10), but it returned "
                    + show(got));
            SyncSender<Integer> tx2 = ch.sender().cloneSender();
            Integer two = 2;
            tx2.send(two);
            Result<Integer, RecvError> got2 = ch.receiver().recv();
            check(okSame(got2, two), () -> "smoke_shared: a message sent through tx.cloneSender() should come out of "
                    + "the same receiver (M8), but rx.recv() returned " + show(got2));

            // oneshot_single_thread_peek_data, try_recv_states
            SyncChannel<Integer> peek = SyncChannels.fresh(1);
            Result<Integer, TryRecvError> empty = peek.receiver().tryRecv();
            check(empty.equals(Result.err(TryRecvError.EMPTY)), () -> "oneshot_single_thread_peek_data: tryRecv() on a "
                    + "new channel should return Err(EMPTY) (M5), but it returned " + show(empty));
            Result<Void, TrySendError<Integer>> trySent = peek.sender().trySend(10);
            check(trySent instanceof Result.Ok, () -> "oneshot_single_thread_try_send_open: syncChannel(1); "
                    + "tx.trySend(10) should return Ok (M10), but it returned " + show(trySent));
            peek.sender().close();
            Result<Integer, TryRecvError> data = peek.receiver().tryRecv();
            check(data.equals(Result.ok(10)), () -> "oneshot_single_thread_try_recv_closed_with_data: trySend(10), "
                    + "then the sender closed: tryRecv() should still return Ok(10) (M4), but it returned " + show(data));
            Result<Integer, TryRecvError> gone = peek.receiver().tryRecv();
            check(gone.equals(Result.err(TryRecvError.DISCONNECTED)), () -> "try_recv_states: the buffer empty and "
                    + "every sender closed: tryRecv() should return Err(DISCONNECTED) (M5), but it returned " + show(gone));
            Result<Integer, RecvError> recvGone = peek.receiver().recv();
            check(recvGone instanceof Result.Err, () -> "oneshot_single_thread_recv_chan_close: rx.recv() with every "
                    + "sender closed and nothing buffered should return Err(RecvError) (M3), but it returned "
                    + show(recvGone));

            // drop_full, drop_full_shared: a full buffer, both ends dropped
            List<String> drops = new ArrayList<>();
            SyncChannel<Droppable> full = SyncChannels.fresh(1);
            SyncSender<Droppable> fullTx2 = full.sender().cloneSender();
            fullTx2.send(new Droppable("box", drops));
            full.sender().close();
            fullTx2.close();
            full.receiver().close();
            check(drops.equals(List.of("box")), () -> "drop_full_shared: a full buffer holding one AutoCloseable "
                    + "message, then every sender and the receiver closed: the message should be closed exactly once "
                    + "(M9), but the closes were " + drops);

            // recv_a_lot, with the order of one sender's messages (M1 for a bounded buffer)
            int many = 2_000;
            SyncChannel<Integer> lot = SyncChannels.fresh(many);
            for (int i = 0; i < many; i++) {
                Result<Void, SendError<Integer>> r = lot.sender().send(i);
                int n = i;
                check(r instanceof Result.Ok, () -> "recv_a_lot: syncChannel(" + many + "): send number " + n
                        + " should fit in the buffer (M10), but it returned " + show(r));
            }
            for (int i = 0; i < many; i++) {
                Result<Integer, RecvError> r = lot.receiver().recv();
                int n = i;
                check(r.equals(Result.ok(i)), () -> "recv_a_lot: one sender sent 0.." + (many - 1) + "; receive number "
                        + n + " should be Ok(" + n + "), in the order sent, but it was " + show(r));
            }
        });
    }

    /**
     * Ports {@code send1}, {@code send2}, {@code send3}, {@code send4}, {@code smoke_port_gone},
     * {@code smoke_shared_port_gone2}, {@code oneshot_single_thread_send_port_close} and
     * {@code oneshot_multi_task_recv_then_send}: sends on a rendezvous and on a full buffer, with
     * the receiver taking the message or closed, before or while the senders wait; and a send into a
     * buffer of two waits at the third.
     */
    @Graded(points = 3, category = Category.BEHAVIOUR, rules = {"M10", "M11", "M2", "M12"})
    void send_ports() {
        SyncChannels.requireImplemented();
        Duration prompt = Patience.prompt();
        Bounded.run("a port of Rust's send1..send4 hung: a sender waited although the receiver took its message or "
                + "was closed (M11, M12)", PORT_BOUND, () -> {
            // send1, oneshot_multi_task_recv_then_send: a receiver waits on a rendezvous, the send completes
            SyncChannel<Integer> r1 = SyncChannels.fresh(0);
            WatchedCall<Result<Integer, RecvError>> receiver = WatchedCall.start("receiver", () -> r1.receiver().recv());
            Integer ten = 10;
            Result<Void, SendError<Integer>> s1 = r1.sender().send(ten);
            check(s1 instanceof Result.Ok, () -> "send1: syncChannel(0), a thread in rx.recv(): tx.send(10) should "
                    + "return Ok (M11), but it returned " + show(s1));
            check(receiver.awaitDone(prompt), () -> "send1: tx.send(10) returned, but the receiving thread was still "
                    + "waiting in recv() " + prompt.toMillis() + " ms later (M11)");
            Result<Integer, RecvError> r = receiver.result("rx.recv()");
            check(okSame(r, ten), () -> "send1: the receiver should have got Ok(10), the sent object itself (M11), but "
                    + "got " + show(r));

            // smoke_port_gone, oneshot_single_thread_send_port_close, smoke_shared_port_gone2
            SyncChannel<Object> gone = SyncChannels.fresh(0);
            gone.receiver().close();
            SyncSender<Object> tx2 = gone.sender().cloneSender();
            gone.sender().close();
            Object box = new Object();
            Result<Void, SendError<Object>> s2 = tx2.send(box);
            check(s2 instanceof Result.Err<Void, SendError<Object>> e && e.error().value() == box, () -> "smoke_port_gone: "
                    + "the receiver closed, tx.send(box) should return Err(SendError(box)) with that very object (M2), "
                    + "but it returned " + show(s2));

            // send2: the receiver is closed by another thread while a rendezvous send waits
            SyncChannel<Object> s2ch = SyncChannels.fresh(0);
            WatchedCall<Object> closer = WatchedCall.start("closer", () -> {
                s2ch.receiver().close();
                return null;
            });
            Object two = new Object();
            Result<Void, SendError<Object>> sent2 = s2ch.sender().send(two);
            closer.awaitDone(prompt);
            closer.result("rx.close()");
            check(sent2 instanceof Result.Err<Void, SendError<Object>> e && e.error().value() == two, () -> "send2: "
                    + "syncChannel(0), another thread closes the receiver: tx.send(v) should return Err(SendError(v)) "
                    + "with that very object (M2, M12), but it returned " + show(sent2));

            // send3: the buffer is full, then the receiver is closed by another thread
            SyncChannel<Object> s3ch = SyncChannels.fresh(1);
            s3ch.sender().send(new Object());
            WatchedCall<Object> closer3 = WatchedCall.start("closer", () -> {
                s3ch.receiver().close();
                return null;
            });
            Object three = new Object();
            Result<Void, SendError<Object>> sent3 = s3ch.sender().send(three);
            closer3.awaitDone(prompt);
            closer3.result("rx.close()");
            check(sent3 instanceof Result.Err<Void, SendError<Object>> e && e.error().value() == three, () -> "send3: "
                    + "syncChannel(1), one message buffered, another thread closes the receiver: the next tx.send(v) "
                    + "should return Err(SendError(v)) with that very object (M12), but it returned " + show(sent3));

            // send4: two rendezvous senders on two threads, the receiver closed
            SyncChannel<Object> s4ch = SyncChannels.fresh(0);
            SyncSender<Object> s4tx2 = s4ch.sender().cloneSender();
            Object a = new Object();
            Object b = new Object();
            WatchedCall<Result<Void, SendError<Object>>> first = WatchedCall.start("sender-1", () -> s4ch.sender().send(a));
            WatchedCall<Result<Void, SendError<Object>>> second = WatchedCall.start("sender-2", () -> s4tx2.send(b));
            s4ch.receiver().close();
            boolean bothBack = first.awaitDone(prompt) && second.awaitDone(prompt);
            first.abandon();
            second.abandon();
            check(bothBack, () -> "send4: two threads sending on syncChannel(0), then the receiver closed: both sends "
                    + "should return Err, but " + (first.isDone() ? "" : "the first ") + (second.isDone() ? "" : "the "
                    + "second ") + "was still waiting " + prompt.toMillis() + " ms later (M12)");
            Result<Void, SendError<Object>> ra = first.result("tx.send(a)");
            Result<Void, SendError<Object>> rb = second.result("tx2.send(b)");
            check(ra instanceof Result.Err<Void, SendError<Object>> e && e.error().value() == a, () -> "send4: "
                    + "the first sender should get Err(SendError(a)), its own object (M12), but got " + show(ra));
            check(rb instanceof Result.Err<Void, SendError<Object>> e && e.error().value() == b, () -> "send4: "
                    + "the second sender should get Err(SendError(b)), its own object (M12), but got " + show(rb));
        });

        // a buffer of two: two sends return, the third waits until a receive frees room (M10)
        SyncChannel<Integer> two = SyncChannels.fresh(2);
        WatchedCall<Integer> filler = WatchedCall.start("sender", () -> {
            two.sender().send(1);
            two.sender().send(2);
            two.sender().send(3);
            return 3;
        });
        try {
            check(filler.staysWaiting(prompt), () -> "syncChannel(2): three sends in a row should wait at the third, "
                    + "while the buffer holds 2 messages (M10), but " + (filler.isDone() ? "all three returned"
                    : "the sending thread never waited"));
            Result<Integer, TryRecvError> firstOut = SyncChannels.quick("rx.tryRecv()", "M5", () -> two.receiver().tryRecv());
            check(firstOut.equals(Result.ok(1)), () -> "syncChannel(2) after sends of 1, 2 (the third waiting): "
                    + "tryRecv() should return Ok(1), but it returned " + show(firstOut));
            check(filler.awaitDone(prompt), () -> "syncChannel(2): the third send waited for room, and a receive freed "
                    + "one, but the send was still waiting " + prompt.toMillis() + " ms later (M10)");
            filler.result("the three sends");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            filler.abandon();
        }
    }

    /**
     * Ports {@code try_send1}, {@code try_send2}, {@code try_send3},
     * {@code oneshot_single_thread_try_send_closed} and {@code oneshot_single_thread_try_send_closed2}:
     * {@code Full} and {@code Disconnected}, each with the very message back; and a rendezvous
     * trySend that finds the receiver waiting in a receive is taken.
     */
    @Graded(points = 3, category = Category.BEHAVIOUR, rules = {"M10", "M11", "M2"})
    void try_send_ports() throws InterruptedException {
        SyncChannels.requireImplemented();
        Duration prompt = Patience.prompt();
        // try_send1, oneshot_single_thread_try_send_closed2
        SyncChannel<Object> r0 = SyncChannels.fresh(0);
        Object v = new Object();
        Result<Void, TrySendError<Object>> t1 = SyncChannels.quick("tx.trySend(v)", "M10", () -> r0.sender().trySend(v));
        check(isFull(t1, v), () -> "try_send1: syncChannel(0) with no receiver waiting: tx.trySend(v) should return "
                + "Err(Full(v)) with that very object (M11), but it returned " + show(t1));

        // try_send2
        SyncChannel<Object> r1 = SyncChannels.fresh(1);
        Object first = new Object();
        Object second = new Object();
        Result<Void, TrySendError<Object>> ok = SyncChannels.quick("tx.trySend(v)", "M10", () -> r1.sender().trySend(first));
        check(ok instanceof Result.Ok, () -> "try_send2: syncChannel(1): the first tx.trySend(v) should return Ok "
                + "(M10), but it returned " + show(ok));
        Result<Void, TrySendError<Object>> full = SyncChannels.quick("tx.trySend(w)", "M10",
                () -> r1.sender().trySend(second));
        check(isFull(full, second), () -> "try_send2: syncChannel(1) holding one message: tx.trySend(w) should return "
                + "Err(Full(w)) with that very object (M10), but it returned " + show(full));

        // try_send3, oneshot_single_thread_try_send_closed: the receiver is gone, full buffer or not
        r1.receiver().close();
        Object third = new Object();
        Result<Void, TrySendError<Object>> disc = SyncChannels.quick("tx.trySend(v)", "M10",
                () -> r1.sender().trySend(third));
        check(disc instanceof Result.Err<Void, TrySendError<Object>> e && e.error() instanceof TrySendError.Disconnected<?>
                && e.error().value() == third, () -> "try_send3: syncChannel(1), full, then the receiver closed: "
                + "tx.trySend(v) should return Err(Disconnected(v)) with that very object, not Full (M2, M10), but it "
                + "returned " + show(disc));
        SyncChannel<Object> closed0 = SyncChannels.fresh(0);
        closed0.receiver().close();
        Result<Void, TrySendError<Object>> disc0 = SyncChannels.quick("tx.trySend(v)", "M10",
                () -> closed0.sender().trySend(v));
        check(disc0 instanceof Result.Err<Void, TrySendError<Object>> e && e.error() instanceof TrySendError.Disconnected<?>
                && e.error().value() == v, () -> "oneshot_single_thread_try_send_closed: syncChannel(0), the receiver "
                + "closed: tx.trySend(v) should return Err(Disconnected(v)) (M2), but it returned " + show(disc0));

        // a rendezvous trySend to a receiver waiting in recv() is taken (M11)
        SyncChannel<Object> meet = SyncChannels.fresh(0);
        WatchedCall<Result<Object, RecvError>> receiver = WatchedCall.start("receiver", () -> meet.receiver().recv());
        try {
            check(receiver.awaitWaiting(prompt), () -> "syncChannel(0): rx.recv() with nothing sent should wait (M3), "
                    + "but it " + (receiver.isDone() ? "returned " + show(receiver.result("rx.recv()")) : "never waited"));
            Object handed = new Object();
            Result<Void, TrySendError<Object>> taken = SyncChannels.quick("tx.trySend(v)", "M11",
                    () -> meet.sender().trySend(handed));
            check(taken instanceof Result.Ok, () -> "syncChannel(0), a thread waiting in rx.recv(): tx.trySend(v) "
                    + "should return Ok, the waiting receiver takes it (M11), but it returned " + show(taken));
            Object late = new Object();
            Result<Void, TrySendError<Object>> again = SyncChannels.quick("tx.trySend(w)", "M11",
                    () -> meet.sender().trySend(late));
            check(isFull(again, late), () -> "syncChannel(0): a second tx.trySend(w), right after the one the waiting "
                    + "receiver takes, should return Err(Full(w)): the receiver is matched already (M11), but it returned "
                    + show(again));
            check(receiver.awaitDone(prompt), () -> "syncChannel(0): tx.trySend(v) returned Ok to a waiting receiver, "
                    + "but the receiver was still waiting " + prompt.toMillis() + " ms later: the message was lost (M11)");
            Result<Object, RecvError> got = receiver.result("rx.recv()");
            check(okSame(got, handed), () -> "syncChannel(0): the receiver should get Ok(v), the object trySend "
                    + "handed over (M11), but got " + show(got));
        } finally {
            receiver.abandon();
        }
    }

    /**
     * Ports {@code recv_timeout}, {@code stress_recv_timeout_two_threads} (shorter),
     * {@code smoke_threads}, {@code chan_gone_concurrent}, {@code port_gone_concurrent},
     * {@code stress} (shorter), {@code issue_15761} and {@code test_recv_iter_break}: threads on
     * both ends, a receiver in recvTimeout on a rendezvous that must neither lose nor half-take a
     * message, the iterator.
     */
    @Graded(points = 3, category = Category.BEHAVIOUR, rules = {"M11", "M3", "M6", "M7", "M13"})
    void threaded_ports() {
        SyncChannels.requireImplemented();
        Bounded.run("a port of Rust's threaded sync_channel tests hung: a send or a receive waited for a partner "
                + "that had come, or for a disconnection that had happened (M11, M3)", PORT_BOUND, () -> {
            // recv_timeout
            SyncChannel<Integer> rt = SyncChannels.fresh(1);
            Result<Integer, RecvTimeoutError> timeout = rt.receiver().recvTimeout(Duration.ofMillis(1));
            check(timeout.equals(Result.err(RecvTimeoutError.TIMEOUT)), () -> "recv_timeout: syncChannel(1), nothing "
                    + "sent: rx.recvTimeout(1 ms) should return Err(TIMEOUT) (M6), but it returned " + show(timeout));
            rt.sender().send(1);
            Result<Integer, RecvTimeoutError> one = rt.receiver().recvTimeout(Duration.ofMillis(1));
            check(one.equals(Result.ok(1)), () -> "recv_timeout: after tx.send(1), rx.recvTimeout(1 ms) should return "
                    + "Ok(1) (M6), but it returned " + show(one));

            // stress_recv_timeout_two_threads, on a rendezvous: timeouts must not lose a message
            int stress = 200;
            SyncChannel<Integer> srt = SyncChannels.fresh(0);
            WatchedCall<Object> producer = WatchedCall.start("producer", () -> {
                for (int i = 0; i < stress; i++) {
                    if (i % 8 == 0) {
                        Thread.sleep(1);
                    }
                    srt.sender().send(i).unwrap();
                }
                srt.sender().close();
                return null;
            });
            List<Integer> received = new ArrayList<>();
            while (true) {
                Result<Integer, RecvTimeoutError> r = srt.receiver().recvTimeout(Duration.ofNanos(200_000));
                if (r instanceof Result.Ok<Integer, RecvTimeoutError> ok) {
                    received.add(ok.value());
                } else if (r.equals(Result.err(RecvTimeoutError.DISCONNECTED))) {
                    break;
                }
            }
            producer.awaitDone(Patience.prompt());
            producer.result("the producer's sends");
            check(received.size() == stress && isCount(received, stress), () -> "stress_recv_timeout_two_threads: one "
                    + "thread sent 0.." + (stress - 1) + " on syncChannel(0) while the receiver looped on recvTimeout("
                    + "0.2 ms) until DISCONNECTED; it should get each message once, in order (M11, M6), but got "
                    + received.size() + " messages: " + head(received));

            // smoke_chan_gone, with the receiver already waiting: the last close must wake it (M3)
            for (int bound : new int[] {0, 1}) {
                SyncChannel<Integer> cg = SyncChannels.fresh(bound);
                SyncSender<Integer> clone = cg.sender().cloneSender();
                WatchedCall<Result<Integer, RecvError>> waiting = WatchedCall.start("receiver", () -> cg.receiver().recv());
                Duration prompt = Patience.prompt();
                check(waiting.awaitWaiting(prompt), () -> "smoke_chan_gone: syncChannel(" + bound + "), nothing sent: "
                        + "rx.recv() should wait (M3), but it " + (waiting.isDone() ? "returned "
                        + show(waiting.result("rx.recv()")) : "never waited"));
                cg.sender().close();
                check(waiting.staysWaiting(prompt), () -> "smoke_chan_gone: syncChannel(" + bound + "), one of two "
                        + "senders closed: rx.recv() should keep waiting, a clone is still open (M8), but it returned "
                        + show(waiting.result("rx.recv()")));
                clone.close();
                boolean woke = waiting.awaitDone(prompt);
                waiting.abandon();
                check(woke, () -> "smoke_chan_gone: syncChannel(" + bound + "), the receiver waiting in rx.recv(), then "
                        + "the last sender closed: recv() should return Err(RecvError), but it was still waiting "
                        + prompt.toMillis() + " ms later (M3). Closing the last sender must wake the receiver");
                Result<Integer, RecvError> after = waiting.result("rx.recv()");
                check(after instanceof Result.Err, () -> "smoke_chan_gone: the last sender closed, nothing sent: "
                        + "rx.recv() should return Err(RecvError) (M3), but it returned " + show(after));
            }

            // smoke_threads, chan_gone_concurrent
            SyncChannel<Integer> st = SyncChannels.fresh(0);
            WatchedCall<Object> two = WatchedCall.start("sender", () -> {
                st.sender().send(1).unwrap();
                st.sender().send(2).unwrap();
                st.sender().close();
                return null;
            });
            List<Object> got = new ArrayList<>();
            Result<Integer, RecvError> r;
            while ((r = st.receiver().recv()) instanceof Result.Ok<Integer, RecvError> ok) {
                got.add(ok.value());
            }
            two.awaitDone(Patience.prompt());
            two.result("the sender thread");
            check(got.equals(List.of(1, 2)), () -> "smoke_threads, chan_gone_concurrent: a thread sent 1, 2 on "
                    + "syncChannel(0) and closed its sender; the receiver should get 1, 2, then Err(RecvError) (M3, M11), "
                    + "but got " + got);

            // port_gone_concurrent
            SyncChannel<Integer> pg = SyncChannels.fresh(0);
            WatchedCall<Object> recvOnce = WatchedCall.start("receiver", () -> {
                pg.receiver().recv().unwrap();
                pg.receiver().close();
                return null;
            });
            int sends = 0;
            while (pg.sender().send(1) instanceof Result.Ok) {
                sends++;
                check(sends <= 1, () -> "port_gone_concurrent: syncChannel(0), the receiver took one message and "
                        + "closed; a second send completed although no receive took it (M11, M2)");
            }
            recvOnce.awaitDone(Patience.prompt());
            recvOnce.result("the receiver thread");

            // stress (shorter): many rendezvous hand-offs
            int handoffs = 500;
            SyncChannel<Integer> sc = SyncChannels.fresh(0);
            WatchedCall<Object> sender = WatchedCall.start("sender", () -> {
                for (int i = 0; i < handoffs; i++) {
                    sc.sender().send(i).unwrap();
                }
                return null;
            });
            for (int i = 0; i < handoffs; i++) {
                Result<Integer, RecvError> m = sc.receiver().recv();
                int n = i;
                check(m.equals(Result.ok(i)), () -> "stress: " + handoffs + " rendezvous hand-offs; receive number " + n
                        + " should be Ok(" + n + "), but it was " + show(m) + " (M11, M13)");
            }
            sender.awaitDone(Patience.prompt());
            sender.result("the sender thread");

            // issue_15761
            for (int i = 0; i < 50; i++) {
                SyncChannel<String> c1 = SyncChannels.fresh(3);
                SyncChannel<String> c2 = SyncChannels.fresh(3);
                WatchedCall<Object> relay = WatchedCall.start("relay", () -> {
                    c1.receiver().recv().unwrap();
                    c2.sender().trySend("()").unwrap();
                    return null;
                });
                Result<Void, TrySendError<String>> ts = c1.sender().trySend("()");
                check(ts instanceof Result.Ok, () -> "issue_15761: syncChannel(3): trySend into an empty buffer should "
                        + "return Ok (M10), but it returned " + show(ts));
                Result<String, RecvError> back = c2.receiver().recv();
                check(back instanceof Result.Ok, () -> "issue_15761: the relay thread's trySend into an empty "
                        + "syncChannel(3) should reach the receiver (M10), but recv() returned " + show(back));
                relay.awaitDone(Patience.prompt());
                relay.result("the relay thread");
            }

            // test_recv_iter_break
            SyncChannel<Integer> it = SyncChannels.fresh(4);
            WatchedCall<Integer> counter = WatchedCall.start("counter", () -> {
                int count = 0;
                for (Integer x : it.receiver()) {
                    if (count >= 3) {
                        break;
                    }
                    count += x;
                }
                return count;
            });
            it.sender().send(2).unwrap();
            it.sender().send(2).unwrap();
            it.sender().send(2).unwrap();
            it.sender().trySend(2);
            it.sender().close();
            check(counter.awaitDone(Patience.prompt()), () -> "test_recv_iter_break: a for loop over the receiver "
                    + "that breaks after its count reaches 3 did not end (M7)");
            Integer count = counter.result("for (Integer x : rx)");
            check(count != null && count == 4, () -> "test_recv_iter_break: syncChannel(4), three sends of 2; a loop "
                    + "over the receiver adding them until the sum reaches 3 should end with 4 (M7), but ended with "
                    + count);
        });
    }

    /**
     * A closed sender is a moved value: send, trySend and cloneSender are E0382, and a second close
     * does nothing (closing a clone twice does not disconnect the others, M8). {@code null} is not a
     * message: NullPointerException, and nothing is sent. A negative bound is an
     * IllegalArgumentException; 0 is valid.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"M8", "M3", "M10"})
    void sender_misuse_and_bounds() {
        SyncChannels.requireImplemented();
        SyncChannel<String> ch = SyncChannels.fresh(2);
        SyncSender<String> tx2 = ch.sender().cloneSender();
        tx2.close();
        Expect.ownershipError(ErrorCode.E0382, "tx.send(\"a\") after tx.close()", "M8", () -> tx2.send("a"));
        Expect.ownershipError(ErrorCode.E0382, "tx.trySend(\"a\") after tx.close()", "M8", () -> tx2.trySend("a"));
        Expect.ownershipError(ErrorCode.E0382, "tx.cloneSender() after tx.close()", "M8", tx2::cloneSender);
        try {
            tx2.close();
        } catch (RuntimeException e) {
            throw Expect.unexpected("a second tx.close()", "do nothing", e);
        }
        Result<String, TryRecvError> still = ch.receiver().tryRecv();
        check(still.equals(Result.err(TryRecvError.EMPTY)), () -> "a clone closed twice, the original still open: "
                + "rx.tryRecv() should return Err(EMPTY), the channel still connected (M8), but it returned "
                + show(still));

        for (String call : new String[] {"send", "trySend"}) {
            try {
                Object r = call.equals("send") ? ch.sender().send(null) : ch.sender().trySend(null);
                throw new AssertionFailedError("tx." + call + "(null) should throw NullPointerException: null is not a "
                        + "message, but it returned " + show(r));
            } catch (NullPointerException expected) {
                // right
            } catch (RuntimeException e) {
                throw Expect.unexpected("tx." + call + "(null)", "throw NullPointerException", e);
            }
            Result<String, TryRecvError> nothing = ch.receiver().tryRecv();
            check(nothing.equals(Result.err(TryRecvError.EMPTY)), () -> "tx." + call + "(null) threw, but rx.tryRecv() "
                    + "then returned " + show(nothing) + ": nothing should have been sent");
        }
        // null is refused whatever the channel's state: full, or with its receiver gone
        SyncChannel<String> full = SyncChannels.fresh(1);
        full.sender().send("m0");
        SyncChannel<String> gone = SyncChannels.fresh(1);
        gone.receiver().close();
        String[] states = {"on a full syncChannel(1)", "after rx.close()"};
        for (int i = 0; i < 2; i++) {
            SyncSender<String> tx = i == 0 ? full.sender() : gone.sender();
            for (String call : new String[] {"send", "trySend"}) {
                if (i == 0 && call.equals("send")) {
                    continue; // it would wait for room before it looks at the message
                }
                String what = "tx." + call + "(null) " + states[i];
                try {
                    Object r = SyncChannels.quick(what, "M10", () -> call.equals("send") ? tx.send(null) : tx.trySend(null));
                    throw new AssertionFailedError(what + " should throw NullPointerException: null is not a message, "
                            + "whatever the channel's state, but it returned " + show(r));
                } catch (AssertionFailedError e) {
                    if (!(e.getCause() instanceof NullPointerException)) {
                        throw e;
                    }
                }
            }
        }

        ch.sender().close();
        Result<String, TryRecvError> disc = ch.receiver().tryRecv();
        check(disc.equals(Result.err(TryRecvError.DISCONNECTED)), () -> "every sender closed: rx.tryRecv() should "
                + "return Err(DISCONNECTED) (M3), but it returned " + show(disc));

        for (int bound : new int[] {-1, Integer.MIN_VALUE}) {
            try {
                SyncChannel<String> bad = SyncChannels.fresh(bound);
                throw new AssertionFailedError("syncChannel(" + bound + ") should throw IllegalArgumentException: a "
                        + "negative bound means nothing (M10), but it returned " + show(bad));
            } catch (IllegalArgumentException expected) {
                // right
            } catch (RuntimeException e) {
                throw Expect.unexpected("syncChannel(" + bound + ")", "throw IllegalArgumentException", e);
            }
        }
    }

    /**
     * An interrupt does not end a send's wait: a sender interrupted while it waits for room (or on
     * a rendezvous, for the receiver) keeps waiting, and returns Ok once the receiver takes a
     * message, with its interrupt status set. So does a sender interrupted before it sends.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"M10", "M11"})
    void interrupt_does_not_end_a_send() throws InterruptedException {
        SyncChannels.requireImplemented();
        Duration prompt = Patience.prompt();
        for (int bound : new int[] {1, 0}) {
            for (boolean early : new boolean[] {false, true}) {
                SyncChannel<Integer> ch = SyncChannels.fresh(bound);
                if (bound == 1) {
                    ch.sender().send(0);
                }
                String call = "syncChannel(" + bound + ")" + (bound == 1 ? ", full" : "") + ": tx.send(7) "
                        + (early ? "on a thread already interrupted" : "interrupted while it waits");
                WatchedCall<Result<Void, SendError<Integer>>> sender = WatchedCall.start("sender", () -> {
                    if (early) {
                        Thread.currentThread().interrupt();
                    }
                    return ch.sender().send(7);
                });
                try {
                    check(sender.awaitWaiting(prompt), () -> call + ": the send should wait (M10, M11), but it "
                            + (sender.isDone() ? "returned " + show(sender.result("tx.send(7)")) : "never waited"));
                    if (!early) {
                        sender.thread().interrupt();
                    }
                    check(sender.staysWaiting(prompt), () -> call + ": an interrupt does not end the wait, so it should "
                            + "keep waiting, but it " + (sender.isDone() ? "returned " + show(sender.result("tx.send(7)"))
                            : "stopped waiting"));
                    List<Integer> out = new ArrayList<>();
                    for (int i = 0; i < bound + 1; i++) {
                        out.add(SyncChannels.quick("rx.recv()", "M10", () -> ch.receiver().recv()).unwrapOr(null));
                    }
                    check(sender.awaitDone(prompt), () -> call + ": the receiver took the message(s), but the send was "
                            + "still waiting " + prompt.toMillis() + " ms later (M10, M11)");
                    Result<Void, SendError<Integer>> r = sender.result("tx.send(7)");
                    check(r instanceof Result.Ok, () -> call + ": once the receiver took it, the send should return Ok, "
                            + "but it returned " + show(r));
                    check(Integer.valueOf(7).equals(out.get(out.size() - 1)), () -> call + ": the receiver should get 7, but got " + out);
                    check(sender.interruptedAtEnd(), () -> call + ": the send returned with the thread's interrupt "
                            + "status cleared: it must return with it set, so the thread still sees the interrupt. "
                            + "wait() clears it when it throws: call Thread.currentThread().interrupt() before returning");
                } finally {
                    sender.abandon();
                }
            }
        }
    }

    /**
     * The receiver's close drops every buffered message before it returns, each AutoCloseable one
     * closed once, in the order sent (M9), and a message trySend handed to a waiting receiver on a
     * rendezvous is the channel's too. Every call on the closed receiver, and on its iterators, is
     * E0382; a second close does nothing.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"M9", "M2"})
    void receiver_close_drops_the_buffer() {
        SyncChannels.requireImplemented();
        List<String> drops = new ArrayList<>();
        SyncChannel<Droppable> ch = SyncChannels.fresh(3);
        for (String name : List.of("m1", "m2", "m3")) {
            ch.sender().send(new Droppable(name, drops));
        }
        Iterator<Droppable> tryIter = ch.receiver().tryIter();
        Receiver<Droppable> rx = ch.receiver();
        SyncChannels.quick("rx.close()", "M9", () -> {
            rx.close();
            return null;
        });
        check(drops.equals(List.of("m1", "m2", "m3")), () -> "syncChannel(3) holding m1, m2, m3 (AutoCloseable), then "
                + "rx.close(): each should be closed once, in the order sent, before close returns (M9), but the closes "
                + "were " + drops);
        try {
            rx.close();
        } catch (RuntimeException e) {
            throw Expect.unexpected("a second rx.close()", "do nothing", e);
        }
        check(drops.size() == 3, () -> "a second rx.close() closed messages again: " + drops + " (M9)");
        Expect.ownershipError(ErrorCode.E0382, "rx.recv() after rx.close()", "M9", rx::recv);
        Expect.ownershipError(ErrorCode.E0382, "rx.tryRecv() after rx.close()", "M9", rx::tryRecv);
        Expect.ownershipError(ErrorCode.E0382, "rx.tryIter().hasNext() after rx.close()", "M9", tryIter::hasNext);
        Droppable late = new Droppable("late", drops);
        Result<Void, SendError<Droppable>> after = ch.sender().send(late);
        check(after instanceof Result.Err<Void, SendError<Droppable>> e && e.error().value() == late,
                () -> "tx.send(v) after rx.close() should return Err(SendError(v)) with that very object (M2), but it "
                        + "returned " + show(after));
        check(drops.size() == 3, () -> "a send refused after rx.close() closed its message: " + drops + "; it belongs "
                + "to the sender again (M2)");
    }

    private static boolean isFull(Result<Void, TrySendError<Object>> r, Object v) {
        return r instanceof Result.Err<Void, TrySendError<Object>> e && e.error() instanceof TrySendError.Full<?>
                && e.error().value() == v;
    }

    private static boolean isCount(List<Integer> received, int n) {
        for (int i = 0; i < n; i++) {
            if (received.get(i) != i) {
                return false;
            }
        }
        return true;
    }

    private static String head(List<Integer> list) {
        return list.size() <= 20 ? list.toString() : list.subList(0, 20) + "...";
    }
}
