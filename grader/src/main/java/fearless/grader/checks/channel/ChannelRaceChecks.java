package fearless.grader.checks.channel;

import static fearless.grader.checks.channel.Channels.check;

import fearless.api.Result;
import fearless.api.channel.Channel;
import fearless.api.channel.Receiver;
import fearless.api.channel.Sender;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Safely;
import fearless.grader.check.race.ModelCheck;
import fearless.grader.check.race.ModelCheck.Scenario;
import fearless.grader.check.race.Patience;
import fearless.grader.check.race.WatchedCall;
import java.time.Duration;
import java.util.Iterator;

/**
 * Races between the channel's ends: the last sender closing while the receiver waits (the lost
 * wake-up), sends racing receives explored interleaving by interleaving, and sends racing the
 * receiver's close.
 */
@Exercise("channel")
class ChannelRaceChecks {

    /**
     * The receiver really waits (its thread is WAITING or TIMED_WAITING) in recv(),
     * recvTimeout(huge) or the iterator's hasNext() when the last sender closes: it must wake and
     * see the disconnection. With two senders, closing the first leaves it waiting; closing the
     * second wakes it. A close that does not notify leaves the receiver waiting for good.
     */
    @Graded(points = 3, category = Category.RACE, rules = {"M3", "M8"})
    void last_sender_close_wakes_the_receiver() throws InterruptedException {
        Channels.requireImplemented();
        Duration prompt = Patience.prompt();
        String[] calls = {"rx.recv()", "rx.recvTimeout(Duration.ofSeconds(Long.MAX_VALUE))", "rx.iterator().hasNext()"};
        for (String call : calls) {
            for (boolean clone : new boolean[] {false, true}) {
                Channel<Integer> ch = Channels.fresh();
                Sender<Integer> tx2 = clone ? ch.sender().cloneSender() : null;
                WatchedCall<String> w = WatchedCall.start("receiver", () -> receive(ch.receiver(), call));
                boolean waiting = w.awaitWaiting();
                w.requireNoFailure(call, "M3");
                check(!w.isDone(), () -> call + " on an empty channel with its sender open returned "
                        + Safely.show(w.result()) + " at once: it must wait while any sender is open (M3)");
                String setup = clone ? "tx2 = tx.cloneSender(); a thread waits in " + call + "; tx2.close(); tx.close()"
                        : "a thread waits in " + call + "; tx.close()";
                if (clone) {
                    tx2.close();
                    boolean early = w.returnedWithin(20);
                    w.requireNoFailure(call, "M8");
                    check(!early, () -> "tx2 = tx.cloneSender(); a thread waits in " + call + "; tx2.close(): the "
                            + "receiver returned " + Safely.show(w.result()) + " although tx is still open: closing "
                            + "one of several senders does not disconnect (M8)");
                }
                ch.sender().close();
                boolean woke = w.awaitDone(prompt);
                w.requireNoFailure(call, "M3");
                check(woke, () -> setup + ": the receiver was still waiting " + prompt.toMillis() + " ms after the "
                        + "last sender closed" + (waiting ? "" : " (it never seemed to wait)") + ": closing the last "
                        + "sender must wake a waiting receiver, which then sees the disconnection (M3). Change the "
                        + "sender count and notifyAll() under the lock the receiver waits on.");
                String expected = call.startsWith("rx.recv()") ? "Err(RecvError)"
                        : call.startsWith("rx.recvTimeout") ? "Err(DISCONNECTED)" : "false";
                check(expected.equals(w.result()), () -> setup + ": the receiver returned " + Safely.show(w.result())
                        + " instead of " + expected + " (M3)");
            }
        }
    }

    private static String receive(Receiver<Integer> rx, String call) {
        if (call.startsWith("rx.recv()")) {
            return Channels.show(rx.recv());
        }
        if (call.startsWith("rx.recvTimeout")) {
            return Channels.show(rx.recvTimeout(Duration.ofSeconds(Long.MAX_VALUE)));
        }
        Iterator<Integer> it = rx.iterator();
        return String.valueOf(it.hasNext());
    }

    /**
     * Sends on two senders (a sender and its clone, each on its own thread) racing tryRecv on the
     * receiver's one thread, explored interleaving by interleaving: every run must be explained by
     * some order of the operations on a queue, so no message is lost, duplicated or reordered, and
     * tryRecv never says EMPTY past a message that was there.
     */
    @Graded(points = 2, category = Category.RACE, rules = {"M1", "M13", "M5"})
    void sends_racing_try_recv() {
        Channels.requireImplemented();
        ModelCheck.of("channel/sends_racing_try_recv", SendTryRecv.class)
                .scenario(Scenario.of().thread("send1", "send2").thread("send3").thread("tryRecv")
                        .post("tryRecv", "tryRecv", "tryRecv", "tryRecv"))
                .atomic("fearless.api.Result", "fearless.api.channel.SendError", "fearless.api.channel.TryRecvError")
                .invocations(100)
                .onFailure("sends on two threads racing tryRecv gave results no order of the operations explains: a "
                        + "message was lost, came twice, or came out of its sender's order (M1, M13). Below: the "
                        + "interleaving; look for two sends touching the buffer at once, outside the lock.")
                .onHang("sends racing tryRecv hung: neither send nor tryRecv may ever wait (M1, M5); see the "
                        + "interleaving below.")
                .onException("a send or tryRecv threw under concurrency, although they work on one thread: the "
                        + "buffer was changed by two threads at once (M13); see the interleaving below.")
                .check();
    }

    /**
     * A send racing the receiver's close, explored interleaving by interleaving: each message is
     * either sent and then dropped (closed once) by the close before it returns, or handed back
     * by its send, and then nobody closes it. Deciding "the receiver is open" and buffering the
     * message must be one step, or a message slips into the buffer after the close emptied it, and
     * is lost (M2, M9).
     */
    @Graded(points = 2, category = Category.RACE, rules = {"M2", "M9"})
    void receiver_close_racing_sends() {
        Channels.requireImplemented();
        ModelCheck.of("channel/receiver_close_racing_sends", CloseRacingSend.class)
                .scenario(Scenario.of().thread("sendA").thread("closeReceiver").post("drops"))
                .atomic("fearless.api.Result", "fearless.api.channel.SendError")
                .invocations(100)
                .onFailure("sends racing the receiver's close lost a message or dropped one twice: each message must be "
                        + "either handed back by its send or dropped (closed once) by the close before it returns "
                        + "(M2, M9). Below: the interleaving; look for a send that saw the receiver open, then the "
                        + "close, then the send buffering its message.")
                .onHang("sends racing the receiver's close hung: neither may ever wait (M1, M9); see the interleaving below.")
                .onException("a send or the receiver's close threw under concurrency; see the interleaving below (M2, M9).")
                .check();
    }
}
