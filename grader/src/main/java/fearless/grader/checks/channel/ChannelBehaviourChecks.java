package fearless.grader.checks.channel;

import static fearless.grader.checks.channel.Channels.check;
import static fearless.grader.checks.channel.Channels.isErr;
import static fearless.grader.checks.channel.Channels.isOk;
import static fearless.grader.checks.channel.Channels.show;

import fearless.api.Result;
import fearless.api.channel.Channel;
import fearless.api.channel.RecvError;
import fearless.api.channel.Receiver;
import fearless.api.channel.SendError;
import fearless.api.channel.Sender;
import fearless.api.channel.TryRecvError;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Safely;
import fearless.api.ErrorCode;
import fearless.grader.check.Expect;
import fearless.grader.check.race.Bounded;
import fearless.grader.check.property.Outcome;
import fearless.grader.check.race.Patience;
import fearless.grader.check.race.WatchedCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Rust's own tests of {@code mpsc::channel} ({@code library/std/src/sync/mpsc} tests in
 * rust-lang/rust), ported to the channel: each check's Javadoc names the tests it ports. Every call
 * that might block runs bounded, so a channel that hangs fails the check plainly.
 */
@Exercise("channel")
class ChannelBehaviourChecks {

    /**
     * Ports {@code smoke}, {@code smoke_shared}, {@code smoke_threads}, {@code recv_a_lot} and
     * {@code stress}: one message through, two senders, a message from another thread, ten
     * thousand messages buffered then received in order, and ten thousand sent from another thread
     * while received.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"M1"})
    void smoke_and_stress() {
        Channels.requireImplemented();
        Bounded.run("sending and receiving on one channel did not finish: send never blocks (M1), and recv must "
                + "return a message that is buffered", Duration.ofSeconds(3), () -> {
                    // smoke
                    Channel<Integer> ch = Channels.fresh();
                    sendOk(ch.sender(), 1, "tx.send(1)");
                    expectRecv(ch.receiver(), 1, "smoke: tx.send(1); rx.recv()");

                    // smoke_shared
                    Channel<Integer> shared = Channels.fresh();
                    sendOk(shared.sender(), 1, "tx.send(1)");
                    expectRecv(shared.receiver(), 1, "smoke_shared: tx.send(1); rx.recv()");
                    Sender<Integer> tx2 = shared.sender().cloneSender();
                    sendOk(tx2, 2, "tx2.send(2) on a clone");
                    expectRecv(shared.receiver(), 2, "smoke_shared: tx2 = tx.cloneSender(); tx2.send(2); rx.recv()");

                    // smoke_threads
                    Channel<Integer> threads = Channels.fresh();
                    WatchedCall<Void> sender = WatchedCall.start("sender", () -> {
                        for (int i = 0; i < 10; i++) {
                            sendOk(threads.sender(), i, "tx.send(" + i + ") on another thread");
                        }
                        return null;
                    });
                    for (int i = 0; i < 10; i++) {
                        expectRecv(threads.receiver(), i, "smoke_threads: the " + (i + 1)
                                + "th rx.recv() while another thread sends 0..9");
                    }
                    sender.awaitDone(Patience.prompt());
                    sender.requireNoFailure("tx.send(i) on another thread", "M1");

                    // recv_a_lot
                    Channel<Integer> lot = Channels.fresh();
                    for (int i = 0; i < 10_000; i++) {
                        sendOk(lot.sender(), i, "tx.send(" + i + ")");
                    }
                    for (int i = 0; i < 10_000; i++) {
                        expectRecv(lot.receiver(), i, "recv_a_lot: 10000 sends, then the " + (i + 1) + "th recv");
                    }

                    // stress
                    Channel<Integer> stress = Channels.fresh();
                    WatchedCall<Void> producer = WatchedCall.start("producer", () -> {
                        for (int i = 0; i < 10_000; i++) {
                            sendOk(stress.sender(), i, "tx.send(" + i + ") on another thread");
                        }
                        stress.sender().close();
                        return null;
                    });
                    for (int i = 0; i < 10_000; i++) {
                        expectRecv(stress.receiver(), i, "stress: another thread sends 0..9999; the " + (i + 1)
                                + "th recv");
                    }
                    producer.awaitDone(Patience.prompt());
                    producer.requireNoFailure("the producer", "M1");
                    Result<Integer, RecvError> end = stress.receiver().recv();
                    check(isErr(end, new RecvError()), () -> "stress: after 10000 messages and the producer's "
                            + "tx.close(), rx.recv() returned " + show(end) + " instead of Err(RecvError) (M3)");
                });
    }

    /**
     * Ports {@code smoke_chan_gone}, {@code smoke_chan_gone_shared}, {@code chan_gone_concurrent},
     * {@code oneshot_single_thread_send_then_recv}-like sequences and the M4 half of
     * {@code try_recv_states}: once every sender is closed, the messages already sent still come
     * out, in order, then {@code Err(RecvError)}, every time.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"M3", "M4"})
    void chan_gone() {
        Channels.requireImplemented();
        Bounded.run("receiving after the senders closed blocked: once every sender is closed, recv must return "
                + "the messages buffered, then Err(RecvError), without waiting (M3, M4)", Duration.ofSeconds(3), () -> {
                    // smoke_chan_gone
                    Channel<Integer> ch = Channels.fresh();
                    ch.sender().close();
                    expectDisconnected(ch.receiver(), "smoke_chan_gone: tx.close(); rx.recv()");

                    // smoke_chan_gone_shared
                    Channel<Integer> shared = Channels.fresh();
                    Sender<Integer> tx2 = shared.sender().cloneSender();
                    sendOk(shared.sender(), 1, "tx.send(1)");
                    sendOk(tx2, 2, "tx2.send(2)");
                    shared.sender().close();
                    tx2.close();
                    expectRecv(shared.receiver(), 1, "smoke_chan_gone_shared: tx.send(1); tx2.send(2); tx.close(); "
                            + "tx2.close(); rx.recv()");
                    expectRecv(shared.receiver(), 2, "smoke_chan_gone_shared: ... the second rx.recv()");
                    expectDisconnected(shared.receiver(), "smoke_chan_gone_shared: ... the third rx.recv()");
                    expectDisconnected(shared.receiver(), "smoke_chan_gone_shared: ... a fourth rx.recv()");

                    // chan_gone_concurrent
                    Channel<Integer> conc = Channels.fresh();
                    WatchedCall<Void> sender = WatchedCall.start("sender", () -> {
                        sendOk(conc.sender(), 1, "tx.send(1) on another thread");
                        sendOk(conc.sender(), 1, "tx.send(1) on another thread");
                        conc.sender().close();
                        return null;
                    });
                    expectRecv(conc.receiver(), 1, "chan_gone_concurrent: another thread sends 1, 1 and closes tx; "
                            + "the first rx.recv()");
                    expectRecv(conc.receiver(), 1, "chan_gone_concurrent: the second rx.recv()");
                    expectDisconnected(conc.receiver(), "chan_gone_concurrent: the third rx.recv()");
                    sender.awaitDone(Patience.prompt());
                    sender.requireNoFailure("the sending thread", "M1");

                    // M4 with many buffered messages, through every way of receiving
                    Channel<Integer> many = Channels.fresh();
                    for (int i = 0; i < 5; i++) {
                        sendOk(many.sender(), i, "tx.send(" + i + ")");
                    }
                    many.sender().close();
                    Result<Integer, TryRecvError> t = many.receiver().tryRecv();
                    check(isOk(t, 0), () -> "tx.send(0..4); tx.close(); rx.tryRecv() returned " + show(t)
                            + " instead of Ok(0): messages sent before the last sender closed still come first (M4)");
                    var r = many.receiver().recvTimeout(Duration.ofMillis(1));
                    check(isOk(r, 1), () -> "tx.send(0..4); tx.close(); rx.tryRecv(); rx.recvTimeout(1 ms) returned "
                            + show(r) + " instead of Ok(1) (M4)");
                    expectRecv(many.receiver(), 2, "tx.send(0..4); tx.close(); ... the third receive, rx.recv()");
                    List<Integer> rest = new ArrayList<>();
                    for (Integer x : many.receiver()) {
                        rest.add(x);
                    }
                    check(rest.equals(List.of(3, 4)), () -> "tx.send(0..4); tx.close(); three receives, then "
                            + "for (x : rx) gave " + rest + " instead of [3, 4] (M4, M7)");
                });
    }

    /**
     * Ports {@code smoke_port_gone}, {@code smoke_shared_port_gone}, {@code smoke_shared_port_gone2},
     * {@code port_gone_concurrent}, {@code oneshot_single_thread_send_port_close} and
     * {@code issue_32114}: once the receiver is closed, every send, from any sender, fails and
     * hands its value back.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"M2"})
    void port_gone() {
        Channels.requireImplemented();
        Bounded.run("sending after the receiver closed blocked: send never blocks, and fails at once once the "
                + "receiver is gone (M1, M2)", Duration.ofSeconds(3), () -> {
                    // smoke_port_gone
                    Channel<Integer> ch = Channels.fresh();
                    ch.receiver().close();
                    expectSendError(ch.sender(), 1, "smoke_port_gone: rx.close(); tx.send(1)");

                    // smoke_shared_port_gone
                    Channel<Integer> shared = Channels.fresh();
                    shared.receiver().close();
                    Sender<Integer> clone = shared.sender().cloneSender();
                    expectSendError(clone, 1, "smoke_shared_port_gone: rx.close(); tx.cloneSender().send(1)");

                    // smoke_shared_port_gone2
                    Channel<Integer> gone2 = Channels.fresh();
                    gone2.receiver().close();
                    Sender<Integer> tx2 = gone2.sender().cloneSender();
                    gone2.sender().close();
                    expectSendError(tx2, 1, "smoke_shared_port_gone2: rx.close(); tx2 = tx.cloneSender(); "
                            + "tx.close(); tx2.send(1)");

                    // issue_32114: let (tx, _) = channel(); tx.send(123); tx.send(123) is Err(SendError(123))
                    Channel<Integer> issue = Channels.fresh();
                    issue.receiver().close();
                    issue.sender().send(123);
                    expectSendError(issue.sender(), 123, "issue_32114: rx.close(); tx.send(123); tx.send(123)");

                    // port_gone_concurrent: a thread sends until its send fails
                    Channel<Integer> conc = Channels.fresh();
                    WatchedCall<Integer> sender = WatchedCall.start("sender", () -> {
                        int sent = 0;
                        while (conc.sender().send(1).isOk()) {
                            sent++;
                            if (sent % 64 == 0) {
                                Thread.yield();
                            }
                        }
                        return sent;
                    });
                    conc.receiver().recv();
                    conc.receiver().close();
                    boolean ended = sender.awaitDone(Patience.prompt());
                    sender.requireNoFailure("tx.send(1) in a loop while rx.close() ran", "M2");
                    check(ended, () -> "port_gone_concurrent: a thread sending in a loop until a send fails was "
                            + "still sending " + Patience.prompt().toMillis() + " ms after rx.close(): every send "
                            + "after the receiver closed must fail (M2)");
                });
    }

    /**
     * Ports {@code test_nested_recv_iter}, {@code test_recv_iter_break}, {@code test_recv_try_iter}
     * and {@code test_recv_into_iter_owned}: the iterator waits for each message and ends only once
     * every sender is closed; {@code tryIter()} gives what is there and never waits.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"M7"})
    void iterators() throws InterruptedException {
        Channels.requireImplemented();
        // test_nested_recv_iter: a thread sums what it iterates; the iterator waits while tx is open
        Channel<Integer> ch = Channels.fresh();
        Channel<Integer> total = Channels.fresh();
        WatchedCall<Void> summer = WatchedCall.start("receiver", () -> {
            int acc = 0;
            for (int x : ch.receiver()) {
                acc += x;
            }
            total.sender().send(acc);
            return null;
        });
        summer.awaitWaiting();
        if (summer.isDone()) {
            summer.requireNoFailure("for (x : rx) on another thread", "M7");
            check(false, () -> "test_nested_recv_iter: for (x : rx) on an empty channel whose sender is open "
                    + "ended at once: the iterator's hasNext() must wait for a message while any sender is open, "
                    + "and end only on disconnection (M7)");
        }
        for (int i = 1; i <= 3; i++) {
            sendOk(ch.sender(), i, "tx.send(" + i + ")");
        }
        ch.sender().close();
        boolean ended = summer.awaitDone(Patience.prompt());
        summer.requireNoFailure("for (x : rx) on another thread", "M7");
        check(ended, () -> "test_nested_recv_iter: tx.send(1..3); tx.close(): the thread in for (x : rx) had not "
                + "ended " + Patience.prompt().toMillis() + " ms later: the iterator must end once every sender is "
                + "closed and the buffer is empty (M7)");
        Result<Integer, TryRecvError> sum = total.receiver().tryRecv();
        check(isOk(sum, 6), () -> "test_nested_recv_iter: for (x : rx) summed 1, 2, 3 to " + show(sum)
                + " instead of Ok(6) (M7)");

        // test_recv_iter_break: stop iterating after a few messages; the rest stay
        Channel<Integer> br = Channels.fresh();
        for (int i = 0; i < 5; i++) {
            sendOk(br.sender(), 4, "tx.send(4)");
        }
        int count = 0;
        for (int x : br.receiver()) {
            if (count >= 3) {
                break;
            }
            count += x;
        }
        Result<Integer, TryRecvError> after = br.receiver().tryRecv();
        check(isOk(after, 4), () -> "test_recv_iter_break: five messages, for (x : rx) broken off after the first, "
                + "then rx.tryRecv() returned " + show(after) + ": the messages not iterated must stay buffered (M7)");

        // test_recv_try_iter: tryIter gives what is there, never waits, even with senders open
        Channel<Integer> tr = Channels.fresh();
        WatchedCall<List<Integer>> drainer = WatchedCall.start("receiver", () -> {
            List<Integer> got = new ArrayList<>();
            Iterator<Integer> it = tr.receiver().tryIter();
            while (it.hasNext()) {
                got.add(it.next());
            }
            got.add(-1);
            sendOk(tr.sender(), 7, "tx.send(7)");
            sendOk(tr.sender(), 8, "tx.send(8)");
            Iterator<Integer> again = tr.receiver().tryIter();
            while (again.hasNext()) {
                got.add(again.next());
            }
            try {
                again.next();
                got.add(-2);
            } catch (NoSuchElementException expected) {
                got.add(-3);
            }
            return got;
        });
        boolean drained = drainer.awaitDone(Patience.prompt());
        drainer.requireNoFailure("rx.tryIter()", "M7");
        check(drained, () -> "test_recv_try_iter: rx.tryIter().hasNext() on an empty channel with its sender open "
                + "did not return within " + Patience.prompt().toMillis() + " ms: tryIter() never waits, its "
                + "hasNext() is false as soon as nothing is buffered (M7)");
        List<Integer> got = drainer.result();
        check(List.of(-1, 7, 8, -3).equals(got), () -> "test_recv_try_iter: rx.tryIter() on an empty channel, then "
                + "after tx.send(7), tx.send(8) gave " + describeTryIter(got) + " instead of nothing, then 7, 8, then "
                + "next() throwing NoSuchElementException (M7)");

        // test_recv_into_iter_owned: the iterator ends on disconnection, next() then throws
        Channel<Integer> owned = Channels.fresh();
        sendOk(owned.sender(), 1, "tx.send(1)");
        sendOk(owned.sender(), 2, "tx.send(2)");
        owned.sender().close();
        WatchedCall<String> into = WatchedCall.start("receiver", () -> {
            Iterator<Integer> it = owned.receiver().iterator();
            StringBuilder seen = new StringBuilder();
            while (it.hasNext()) {
                seen.append(it.next()).append(' ');
            }
            try {
                it.next();
                seen.append("next() returned");
            } catch (NoSuchElementException expected) {
                seen.append("end");
            }
            return seen.toString();
        });
        boolean done = into.awaitDone(Patience.prompt());
        into.requireNoFailure("iterating rx after tx.close()", "M7");
        check(done, () -> "test_recv_into_iter_owned: tx.send(1); tx.send(2); tx.close(); iterating rx did not end "
                + "within " + Patience.prompt().toMillis() + " ms: with every sender closed it ends once the "
                + "buffer is empty (M7)");
        check("1 2 end".equals(into.result()), () -> "test_recv_into_iter_owned: tx.send(1); tx.send(2); tx.close(); "
                + "iterating rx gave \"" + into.result() + "\" instead of 1, 2, then next() throwing "
                + "NoSuchElementException (M7)");
    }

    private static String describeTryIter(List<Integer> got) {
        return got == null ? "nothing (the thread returned null)" : got.toString()
                .replace("-1", "(end)").replace("-3", "(next() threw NoSuchElementException)")
                .replace("-2", "(next() returned)");
    }

    /**
     * Ports {@code try_recv_states}, {@code oneshot_single_thread_try_recv_open},
     * {@code oneshot_single_thread_try_recv_closed} and
     * {@code destroy_upgraded_shared_port_when_sender_still_active}: tryRecv answers at once,
     * EMPTY while a sender is open, the message once one is there, DISCONNECTED once every sender
     * is closed, and from then on always; a receiver closed while a clone is still open returns.
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"M5"})
    void try_recv_states() {
        Channels.requireImplemented();
        Bounded.run("tryRecv blocked: it never waits (M5)", Duration.ofSeconds(3), () -> {
            Channel<Integer> ch = Channels.fresh();
            expectTry(ch.receiver(), Result.err(TryRecvError.EMPTY), "try_recv_states: rx.tryRecv() on a new channel");
            sendOk(ch.sender(), 1, "tx.send(1)");
            expectTry(ch.receiver(), Result.ok(1), "try_recv_states: tx.send(1); rx.tryRecv()");
            expectTry(ch.receiver(), Result.err(TryRecvError.EMPTY), "try_recv_states: tx.send(1); rx.tryRecv(); "
                    + "rx.tryRecv()");
            Sender<Integer> tx2 = ch.sender().cloneSender();
            ch.sender().close();
            expectTry(ch.receiver(), Result.err(TryRecvError.EMPTY), "try_recv_states: tx2 = tx.cloneSender(); "
                    + "tx.close(); rx.tryRecv(), tx2 still open");
            sendOk(tx2, 2, "tx2.send(2)");
            tx2.close();
            expectTry(ch.receiver(), Result.ok(2), "try_recv_states: tx2.send(2); tx2.close(); rx.tryRecv()");
            for (int i = 0; i < 3; i++) {
                expectTry(ch.receiver(), Result.err(TryRecvError.DISCONNECTED), "try_recv_states: every sender "
                        + "closed, buffer empty: rx.tryRecv() (call " + (i + 1) + ")");
            }

            // destroy_upgraded_shared_port_when_sender_still_active
            Channel<Integer> up = Channels.fresh();
            Sender<Integer> clone = up.sender().cloneSender();
            up.receiver().close();
            expectSendError(clone, 1, "destroy_upgraded_shared_port_when_sender_still_active: "
                    + "tx2 = tx.cloneSender(); rx.close(); tx2.send(1)");
            clone.close();
            up.sender().close();
        });
    }

    /**
     * Ports {@code recv_timeout}, {@code recv_timeout_upgrade} and {@code shared_recv_timeout}: a
     * recvTimeout with nothing sent times out, with a message there returns it, and with every
     * sender closed answers DISCONNECTED.
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"M6"})
    void recv_timeout_ports() {
        Channels.requireImplemented();
        Bounded.run("recvTimeout(1 ms) blocked far past its timeout (M6)", Duration.ofSeconds(3), () -> {
            // recv_timeout
            Channel<Integer> ch = Channels.fresh();
            var t = ch.receiver().recvTimeout(Duration.ofMillis(1));
            check(isErr(t, fearless.api.channel.RecvTimeoutError.TIMEOUT), () -> "recv_timeout: rx.recvTimeout(1 ms) "
                    + "on an empty channel returned " + show(t) + " instead of Err(TIMEOUT) (M6)");
            sendOk(ch.sender(), 1, "tx.send(1)");
            var one = ch.receiver().recvTimeout(Duration.ofMillis(1));
            check(isOk(one, 1), () -> "recv_timeout: tx.send(1); rx.recvTimeout(1 ms) returned " + show(one)
                    + " instead of Ok(1) (M6)");

            // recv_timeout_upgrade
            Channel<Integer> up = Channels.fresh();
            Sender<Integer> clone = up.sender().cloneSender();
            var u = up.receiver().recvTimeout(Duration.ofMillis(1));
            check(isErr(u, fearless.api.channel.RecvTimeoutError.TIMEOUT), () -> "recv_timeout_upgrade: "
                    + "tx2 = tx.cloneSender(); rx.recvTimeout(1 ms) returned " + show(u) + " instead of Err(TIMEOUT) (M6)");
            clone.close();
            up.sender().close();
            var d = up.receiver().recvTimeout(Duration.ofMillis(1));
            check(isErr(d, fearless.api.channel.RecvTimeoutError.DISCONNECTED), () -> "recv_timeout_upgrade: "
                    + "tx2.close(); tx.close(); rx.recvTimeout(1 ms) returned " + show(d)
                    + " instead of Err(DISCONNECTED) (M6)");

            // shared_recv_timeout: ten threads send on clones; ten receives; then a timeout; then one more
            Channel<Integer> shared = Channels.fresh();
            List<WatchedCall<Void>> senders = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Sender<Integer> tx = shared.sender().cloneSender();
                senders.add(WatchedCall.start("sender-" + i, () -> {
                    sendOk(tx, 1, "tx.send(1) on a clone, on another thread");
                    tx.close();
                    return null;
                }));
            }
            for (int i = 0; i < 10; i++) {
                expectRecv(shared.receiver(), 1, "shared_recv_timeout: ten threads each send 1 on a clone; rx.recv() "
                        + (i + 1));
            }
            for (WatchedCall<Void> w : senders) {
                w.awaitDone(Patience.prompt());
                w.requireNoFailure("tx.send(1) on another thread", "M1");
            }
            var timeout = shared.receiver().recvTimeout(Duration.ofMillis(1));
            check(isErr(timeout, fearless.api.channel.RecvTimeoutError.TIMEOUT), () -> "shared_recv_timeout: the ten "
                    + "clones closed, tx still open, nothing buffered: rx.recvTimeout(1 ms) returned " + show(timeout)
                    + " instead of Err(TIMEOUT) (M6)");
            sendOk(shared.sender(), 2, "tx.send(2)");
            var two = shared.receiver().recvTimeout(Duration.ofMillis(1));
            check(isOk(two, 2), () -> "shared_recv_timeout: tx.send(2); rx.recvTimeout(1 ms) returned " + show(two)
                    + " instead of Ok(2) (M6)");
        });
    }

    /**
     * recvTimeout's bounds: with nothing sent it returns TIMEOUT only once at least its timeout has
     * passed (for timeouts of 0.9 ms, five times, 3 ms and 20 ms); a zero or negative timeout never waits; a
     * huge one, up to {@code Duration.ofSeconds(Long.MAX_VALUE)}, does not overflow: it waits as
     * recv does, wakes for a message and for disconnection; {@code null} is a
     * NullPointerException.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"M6"})
    void recv_timeout_bounds() throws InterruptedException {
        Channels.requireImplemented();
        Duration prompt = Patience.prompt();
        Duration subMilli = Duration.ofNanos(900_000);
        for (Duration timeout : new Duration[] {subMilli, subMilli, subMilli, subMilli, subMilli, Duration.ofMillis(3),
            Duration.ofMillis(20)}) {
            Channel<Integer> ch = Channels.fresh();
            WatchedCall<Result<Integer, fearless.api.channel.RecvTimeoutError>> w = WatchedCall.start("receiver",
                    () -> ch.receiver().recvTimeout(timeout));
            boolean returned = w.awaitDone(prompt.plus(timeout));
            w.requireNoFailure("rx.recvTimeout(" + timeout + ")", "M6");
            String call = "rx.recvTimeout(" + Channels.millis(timeout.toNanos()) + ") on an empty channel, sender open,";
            check(returned, () -> call + " had not returned after " + prompt.plus(timeout).toMillis() + " ms: it must "
                    + "give up once its timeout has passed (M6). Careful: wait(0) waits forever.");
            check(isErr(w.result(), fearless.api.channel.RecvTimeoutError.TIMEOUT), () -> call + " returned "
                    + show(w.result()) + " instead of Err(TIMEOUT) (M6)");
            check(w.elapsedNanos() >= timeout.toNanos(), () -> call + " returned Err(TIMEOUT) after "
                    + Channels.millis(w.elapsedNanos()) + ", before its timeout: TIMEOUT means at least the timeout "
                    + "has passed (M6). Measure with System.nanoTime() and wait again for what is left.");
            ch.sender().close();
        }

        for (Duration timeout : new Duration[] {Duration.ZERO, Duration.ofNanos(-1), Duration.ofSeconds(-5),
                Duration.ofSeconds(Long.MIN_VALUE)}) {
            Channel<Integer> ch = Channels.fresh();
            String call = "rx.recvTimeout(" + timeout + ")";
            WatchedCall<List<String>> w = WatchedCall.start("receiver", () -> {
                List<String> seen = new ArrayList<>();
                seen.add(show(ch.receiver().recvTimeout(timeout)));
                ch.sender().send(5);
                seen.add(show(ch.receiver().recvTimeout(timeout)));
                ch.sender().close();
                seen.add(show(ch.receiver().recvTimeout(timeout)));
                return seen;
            });
            boolean returned = w.awaitDone(prompt);
            w.requireNoFailure(call, "M6");
            check(returned, () -> call + " had not returned after " + prompt.toMillis() + " ms: a zero or negative "
                    + "timeout never waits (M6). Careful: wait(0) waits forever.");
            check(List.of("Err(TIMEOUT)", "Ok(5)", "Err(DISCONNECTED)").equals(w.result()), () -> call + " on an empty "
                    + "channel, then after tx.send(5), then after tx.close() returned " + w.result() + " instead of "
                    + "[Err(TIMEOUT), Ok(5), Err(DISCONNECTED)] (M6)");
        }

        Duration huge = Duration.ofSeconds(Long.MAX_VALUE);
        String call = "rx.recvTimeout(Duration.ofSeconds(Long.MAX_VALUE))";
        Channel<Integer> ch = Channels.fresh();
        WatchedCall<Result<Integer, fearless.api.channel.RecvTimeoutError>> w = WatchedCall.start("receiver",
                () -> ch.receiver().recvTimeout(huge));
        w.awaitWaiting();
        boolean early = w.returnedWithin(30);
        w.requireNoFailure(call, "M6");
        check(!early, () -> call + " on an empty channel, sender open, returned " + show(w.result()) + " after "
                + Channels.millis(w.elapsedNanos()) + ": a huge timeout must not overflow; it waits as recv() does "
                + "(M6). Duration.toNanos() throws for it, and System.nanoTime() + a saturated timeout wraps around: "
                + "compare the time passed with the timeout instead.");
        sendOk(ch.sender(), 9, "tx.send(9)");
        boolean woke = w.awaitDone(prompt);
        check(woke && isOk(w.result(), 9), () -> call + " waiting, then tx.send(9): " + (woke ? "it returned "
                + show(w.result()) + " instead of Ok(9)" : "it was still waiting " + prompt.toMillis() + " ms later")
                + " (M6)");
        WatchedCall<Result<Integer, fearless.api.channel.RecvTimeoutError>> d = WatchedCall.start("receiver",
                () -> ch.receiver().recvTimeout(huge));
        d.awaitWaiting();
        ch.sender().close();
        boolean disc = d.awaitDone(prompt);
        d.requireNoFailure(call, "M6");
        check(disc && isErr(d.result(), fearless.api.channel.RecvTimeoutError.DISCONNECTED), () -> call
                + " waiting, then tx.close(): " + (disc ? "it returned " + show(d.result())
                + " instead of Err(DISCONNECTED)" : "it was still waiting " + prompt.toMillis() + " ms later") + " (M6)");

        Channel<Integer> n = Channels.fresh();
        sendOk(n.sender(), 1, "tx.send(1)");
        Outcome.threw(NullPointerException.class).because("M6")
                .verify("tx.send(1); rx.recvTimeout(null)", Outcome.of(() -> n.receiver().recvTimeout(null)));
    }

    /**
     * Closed ends are moved values: every use of a closed sender (send, cloneSender) and of a
     * closed receiver (recv, tryRecv, recvTimeout, iterator, tryIter, and an iterator taken
     * before) is E0382; close itself, a second time, does nothing.
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"M8", "M9"})
    void closed_ends_are_e0382() {
        Channels.requireImplemented();
        Bounded.run("a call on a closed end blocked: it must fail at once with E0382", Duration.ofSeconds(3), () -> {
            Channel<Integer> ch = Channels.fresh();
            Sender<Integer> tx2 = ch.sender().cloneSender();
            ch.sender().close();
            e0382("tx.send(1) after tx.close()", "M8", () -> ch.sender().send(1));
            e0382("tx.cloneSender() after tx.close()", "M8", () -> ch.sender().cloneSender());
            sendOk(tx2, 1, "tx2.send(1), tx2 a clone still open");
            Iterator<Integer> before = ch.receiver().iterator();
            Iterator<Integer> tryBefore = ch.receiver().tryIter();
            ch.receiver().close();
            e0382("rx.recv() after rx.close()", "M9", () -> ch.receiver().recv());
            e0382("rx.tryRecv() after rx.close()", "M9", () -> ch.receiver().tryRecv());
            e0382("rx.recvTimeout(1 ms) after rx.close()", "M9",
                    () -> ch.receiver().recvTimeout(Duration.ofMillis(1)));
            e0382("rx.iterator() after rx.close()", "M9", () -> ch.receiver().iterator());
            e0382("rx.tryIter() after rx.close()", "M9", () -> ch.receiver().tryIter());
            e0382("it.hasNext(), it = rx.iterator() taken before rx.close()", "M9", before::hasNext);
            e0382("it.next(), it = rx.tryIter() taken before rx.close()", "M9", tryBefore::next);
            Outcome.done().because("M9").verify("rx.close() a second time", Outcome.ofRun(ch.receiver()::close));
            Outcome.done().because("M8").verify("tx.close() a second time", Outcome.ofRun(ch.sender()::close));
            tx2.close();
        });
    }

    /**
     * A second close of a sender does nothing: with a clone still open the receiver stays connected
     * however often the first sender is closed (M8); a second close of the receiver does nothing
     * (M9).
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"M8", "M3"})
    void close_twice_counts_once() {
        Channels.requireImplemented();
        Bounded.run("closing twice, then receiving, blocked", Duration.ofSeconds(3), () -> {
            Channel<Integer> ch = Channels.fresh();
            Sender<Integer> tx2 = ch.sender().cloneSender();
            Sender<Integer> tx3 = tx2.cloneSender();
            ch.sender().close();
            ch.sender().close();
            ch.sender().close();
            expectTry(ch.receiver(), Result.err(TryRecvError.EMPTY), "tx2 = tx.cloneSender(); tx3 = tx2.cloneSender(); "
                    + "tx.close() three times; rx.tryRecv(): two clones are still open, so the channel is connected, "
                    + "and a second close never counts twice (M8)");
            tx2.close();
            tx2.close();
            expectTry(ch.receiver(), Result.err(TryRecvError.EMPTY), "... then tx2.close() twice; rx.tryRecv(): tx3 is "
                    + "still open (M8)");
            sendOk(tx3, 3, "tx3.send(3)");
            expectRecv(ch.receiver(), 3, "... tx3.send(3); rx.recv()");
            tx3.close();
            expectDisconnected(ch.receiver(), "... tx3.close(); rx.recv(), every sender closed");
            ch.receiver().close();
            Outcome.done().because("M9").verify("rx.close() a second time", Outcome.ofRun(ch.receiver()::close));
        });
    }

    /** {@code send(null)} is a NullPointerException, nothing is sent, and the sender still works (M1). */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"M1"})
    void send_null_sends_nothing() {
        Channels.requireImplemented();
        Bounded.run("send(null) or the receive after it blocked", Duration.ofSeconds(3), () -> {
            Channel<Integer> ch = Channels.fresh();
            Outcome.threw(NullPointerException.class).because("M1")
                    .verify("tx.send(null)", Outcome.of(() -> ch.sender().send(null)));
            expectTry(ch.receiver(), Result.err(TryRecvError.EMPTY), "tx.send(null) threw; rx.tryRecv(): nothing "
                    + "may have been sent (M1)");
            sendOk(ch.sender(), 4, "tx.send(4) after tx.send(null) threw");
            expectRecv(ch.receiver(), 4, "tx.send(null); tx.send(4); rx.recv()");
            ch.receiver().close();
            Outcome.threw(NullPointerException.class).because("M1")
                    .verify("tx.send(null) after rx.close()", Outcome.of(() -> ch.sender().send(null)));
        });
    }

    /**
     * A send after the receiver closed hands back the very object it was given (identity, not an
     * equal copy), and nothing drops it: an AutoCloseable message that comes back is not closed.
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"M2"})
    void send_error_hands_back_the_same_object() {
        Channels.requireImplemented();
        Bounded.run("a send after rx.close() blocked: it must fail at once (M2)", Duration.ofSeconds(3), () -> {
            Channel<Message> ch = Channels.fresh();
            ch.receiver().close();
            List<Message> log = new ArrayList<>();
            Message m = new Message(1, log);
            Result<Void, SendError<Message>> r = ch.sender().send(m);
            check(r instanceof Result.Err<Void, SendError<Message>> err && err.error() != null
                    && err.error().value() == m, () -> "rx.close(); tx.send(m) returned " + show(r) + ": it must "
                    + "return Err(SendError) carrying the very object m back (the same reference, not a copy, not "
                    + "null) (M2)");
            check(log.isEmpty(), () -> "rx.close(); tx.send(m): m came back in a SendError, yet it was closed "
                    + "(dropped): a message handed back belongs to the sender again, nothing drops it (M2)");
            Sender<Message> clone = ch.sender().cloneSender();
            Message other = new Message(2, log);
            Result<Void, SendError<Message>> r2 = clone.send(other);
            check(r2 instanceof Result.Err<Void, SendError<Message>> err && err.error() != null
                    && err.error().value() == other, () -> "rx.close(); tx.cloneSender().send(m2) returned "
                    + show(r2) + " instead of Err(SendError(m2)), m2 itself (M2)");
        });
    }

    /**
     * Closing the receiver drops every buffered message before close returns: each AutoCloseable
     * one closed exactly once, in the order sent; messages already received and messages handed
     * back by failed sends are not closed (M9).
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"M9", "M2"})
    void receiver_close_drops_buffered_in_order() {
        Channels.requireImplemented();
        Bounded.run("rx.close() with buffered messages blocked", Duration.ofSeconds(3), () -> {
            Channel<Object> ch = Channels.fresh();
            List<Message> log = new ArrayList<>();
            Message received = new Message(0, log);
            sendOk(ch.sender(), received, "tx.send(m0)");
            expectRecv(ch.receiver(), received, "tx.send(m0); rx.recv()");
            List<Message> buffered = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                Message m = new Message(i, log);
                buffered.add(m);
                sendOk(ch.sender(), m, "tx.send(m" + i + ")");
                sendOk(ch.sender(), "plain " + i, "tx.send(\"plain " + i + "\")");
            }
            ch.receiver().close();
            check(log.equals(buffered), () -> "tx.send(m0); rx.recv(); then m1, m2, m3, m4 buffered (with strings "
                    + "between them); rx.close(): the messages closed by the time close() returned were " + log
                    + " instead of [m1, m2, m3, m4]: closing the receiver drops every buffered message, each "
                    + "AutoCloseable one closed once, in the order sent, before close() returns; m0 was received, it "
                    + "is not the channel's to drop (M9)");
            Message late = new Message(5, log);
            Result<Void, SendError<Object>> r = ch.sender().send(late);
            check(r.isErr(), () -> "rx.close(); tx.send(m5) returned " + show(r) + " instead of Err(SendError(m5)) (M2)");
            ch.receiver().close();
            check(log.equals(buffered), () -> "after rx.close(), tx.send(m5) failed and rx.close() ran again: the "
                    + "messages closed are " + log + " instead of [m1, m2, m3, m4]: a message handed back by a failed "
                    + "send is not dropped, and a second close drops nothing (M9)");
            ch.sender().close();
        });
    }

    /**
     * A buffered message whose close() throws: the others are still closed, in order, then
     * rx.close() throws the first failure: a RuntimeException or an Error as it is, a checked
     * exception wrapped in a Panic (M9). The receiver is closed all the same.
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"M9"})
    void receiver_close_survives_a_failing_message() {
        Channels.requireImplemented();
        Bounded.run("rx.close() with failing messages blocked", Duration.ofSeconds(3), () -> {
            Throwable[] failures = {new IllegalStateException("m2 failed"), new java.io.IOException("m2 failed"),
                new LinkageError("m2 failed")};
            for (Throwable failure : failures) {
                Channel<Message> ch = Channels.fresh();
                List<Message> log = new ArrayList<>();
                Message m1 = new Message(1, log);
                Message m2 = new Message(2, log, failure);
                Message m3 = new Message(3, log, new IllegalArgumentException("m3 failed too"));
                Message m4 = new Message(4, log);
                for (Message m : List.of(m1, m2, m3, m4)) {
                    sendOk(ch.sender(), m, "tx.send(" + m + ")");
                }
                Throwable thrown = null;
                try {
                    ch.receiver().close();
                } catch (fearless.api.Unimplemented stub) {
                    throw stub;
                } catch (Throwable e) {
                    thrown = e;
                }
                String what = "tx.send(m1..m4), m2.close() throws " + failure.getClass().getSimpleName()
                        + " and m3.close() throws IllegalArgumentException; rx.close()";
                check(log.equals(List.of(m1, m2, m3, m4)), () -> what + ": the messages closed were " + log
                        + " instead of [m1, m2, m3, m4]: the others are still closed, in order, when one throws (M9)");
                Throwable t = thrown;
                boolean ok = failure instanceof Exception && !(failure instanceof RuntimeException)
                        ? t instanceof fearless.api.Panic && (t.getCause() == failure
                                || ((fearless.api.Panic) t).payload() == failure)
                        : t == failure;
                check(ok, () -> what + (t == null ? " returned normally" : " threw " + Safely.describe(t))
                        + ": it must throw the first failure, m2's, "
                        + (failure instanceof RuntimeException || failure instanceof Error ? "as it is"
                                : "wrapped in a fearless.api.Panic (it is a checked exception)") + " (M9)");
                e0382("rx.tryRecv() after a rx.close() that threw", "M9", () -> ch.receiver().tryRecv());
                Result<Void, SendError<Message>> r = ch.sender().send(new Message(5, log));
                check(r.isErr(), () -> what + "; tx.send(m5) returned " + show(r) + ": the receiver is closed even "
                        + "though closing a message threw (M2, M9)");
            }
        });
    }

    /**
     * An interrupt does not end a wait: a thread interrupted while it waits in recv(),
     * recvTimeout(huge) or the iterator's hasNext() keeps waiting (it does not return an error),
     * returns the message sent later, and returns with its interrupt status set; a thread already
     * interrupted when it calls recv() gets the message too, its status still set.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"M3", "M6", "M7"})
    void interrupts_do_not_end_waits() throws InterruptedException {
        Channels.requireImplemented();
        Duration prompt = Patience.prompt();
        String[] calls = {"rx.recv()", "rx.recvTimeout(Duration.ofSeconds(Long.MAX_VALUE))", "rx.iterator().next()"};
        String[] rules = {"M3", "M6", "M7"};
        for (int c = 0; c < calls.length; c++) {
            String call = calls[c];
            String rule = rules[c];
            Channel<Integer> ch = Channels.fresh();
            WatchedCall<Object> w = WatchedCall.start("receiver", () -> receive(ch.receiver(), call));
            w.awaitWaiting();
            w.thread().interrupt();
            boolean early = w.returnedWithin(50);
            w.requireNoFailure(call + " when interrupted", rule);
            check(!early, () -> "a thread waiting in " + call + " on an empty channel, sender open, was interrupted, "
                    + "and " + call + " returned " + Safely.show(w.result()) + ": an interrupt does not end the wait; "
                    + "keep waiting, and set the interrupt status again before returning (" + rule + "). Wait in a "
                    + "while loop: a wake-up says only that something may have changed.");
            w.thread().interrupt();
            sendOk(ch.sender(), 7, "tx.send(7)");
            boolean done = w.awaitDone(prompt);
            w.requireNoFailure(call, rule);
            check(done, () -> "a thread waiting in " + call + " was interrupted, then tx.send(7): it was still waiting "
                    + prompt.toMillis() + " ms later (" + rule + ")");
            Object got = w.result();
            check("7".equals(String.valueOf(got)), () -> "a thread waiting in " + call + " was interrupted, then "
                    + "tx.send(7): it returned " + Safely.show(got) + " instead of 7 (" + rule + ")");
            check(w.interruptedAtEnd(), () -> "a thread waiting in " + call + " was interrupted, then got its message, "
                    + "but its interrupt status was cleared: it must still be set when the call returns (" + rule + "). "
                    + "wait() clears it when it throws: remember it and call Thread.currentThread().interrupt() on "
                    + "the way out.");
            ch.sender().close();
        }

        Channel<Integer> ch = Channels.fresh();
        WatchedCall<Object> w = WatchedCall.startInterrupted("receiver", () -> receive(ch.receiver(), "rx.recv()"));
        boolean early = w.returnedWithin(50);
        w.requireNoFailure("rx.recv() on an interrupted thread", "M3");
        check(!early, () -> "rx.recv() on a thread whose interrupt status was already set, empty channel, sender "
                + "open, returned " + Safely.show(w.result()) + ": it must wait for a message as usual (M3)");
        sendOk(ch.sender(), 7, "tx.send(7)");
        boolean done = w.awaitDone(prompt);
        check(done && "7".equals(String.valueOf(w.result())) && w.interruptedAtEnd(), () -> "rx.recv() on a "
                + "thread whose interrupt status was already set, then tx.send(7): "
                + (done ? "it returned " + Safely.show(w.result()) + (w.interruptedAtEnd() ? "" : " with the status "
                        + "cleared") : "still waiting " + prompt.toMillis() + " ms later")
                + "; it must return 7, with the status still set (M3)");
        ch.sender().close();
    }

    /** The message the call returned: {@code Ok(v)} gives {@code v}, anything else as it reads. */
    private static Object receive(Receiver<Integer> rx, String call) {
        if (call.startsWith("rx.recv()")) {
            Result<Integer, RecvError> r = rx.recv();
            return r instanceof Result.Ok<Integer, RecvError> ok ? ok.value() : show(r);
        }
        if (call.startsWith("rx.recvTimeout")) {
            var r = rx.recvTimeout(Duration.ofSeconds(Long.MAX_VALUE));
            return r instanceof Result.Ok<Integer, ?> ok ? ok.value() : show(r);
        }
        Iterator<Integer> it = rx.iterator();
        return it.hasNext() ? it.next() : "hasNext() false";
    }

    static void e0382(String what, String rule, Runnable call) {
        Expect.ownershipError(ErrorCode.E0382, what, rule, call);
    }

    static void sendOk(Sender<?> tx, Object value, String what) {
        @SuppressWarnings("unchecked")
        Sender<Object> s = (Sender<Object>) tx;
        Result<Void, ? extends SendError<?>> r = Outcome.require(what, "M1", () -> s.send(value));
        check(r != null && r.isOk(), () -> what + " returned " + show(r) + " instead of Ok: the receiver is open, so "
                + "the message must be sent (M1)");
    }

    static void expectRecv(Receiver<?> rx, Object expected, String what) {
        Result<?, RecvError> r = Outcome.require(what, "M1", rx::recv);
        check(r instanceof Result.Ok<?, ?> ok && ok.value() == expected || isOk(r, expected), () -> what + " returned "
                + show(r) + " instead of Ok(" + Safely.show(expected) + "): messages arrive in the order sent (M1), "
                + "and every buffered one is delivered (M4)");
    }

    static void expectDisconnected(Receiver<?> rx, String what) {
        Result<?, RecvError> r = Outcome.require(what, "M3", rx::recv);
        check(isErr(r, new RecvError()), () -> what + " returned " + show(r) + " instead of Err(RecvError): once the "
                + "buffer is empty and every sender is closed, recv() returns Err(RecvError) at once (M3)");
    }

    static void expectTry(Receiver<?> rx, Result<?, TryRecvError> expected, String what) {
        Result<?, TryRecvError> r = Outcome.require(what, "M5", rx::tryRecv);
        check(expected.equals(r), () -> what + " returned " + show(r) + " instead of " + show(expected) + " (M5)");
    }

    static void expectSendError(Sender<Integer> tx, int value, String what) {
        Integer boxed = value + 1_000_000; // outside the Integer cache: identity is meaningful
        Result<Void, SendError<Integer>> r = Outcome.require(what, "M2", () -> tx.send(boxed));
        check(r instanceof Result.Err<Void, SendError<Integer>> err && err.error() != null
                && err.error().value() == boxed, () -> what + " returned " + show(r) + " instead of Err(SendError("
                + boxed + ")), the very value sent: the receiver is closed, so nothing is sent and the value comes "
                + "back (M2)");
    }
}
