package fearless.grader.checks.channel;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import fearless.api.ErrorCode;
import fearless.api.Result;
import fearless.api.channel.SendError;
import fearless.api.channel.Sender;
import fearless.grader.check.Safely;
import fearless.grader.check.property.Op;
import fearless.grader.check.property.Outcome;
import fearless.grader.checks.channel.ChannelModel.Numbered;
import fearless.grader.checks.channel.ChannelModel.Real;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.quicktheories.core.Gen;

/**
 * The operations of the single-threaded channel property, each run on the submission's channel
 * and on {@link ChannelModel}: send on a sender (by label), tryRecv, recv (only when it cannot
 * wait: a message is there or every sender is closed), recvTimeout(0), draining tryIter, cloning a
 * sender, closing a sender (again, too), closing the receiver (again, too).
 */
final class ChannelOps {

    private ChannelOps() {
    }

    /** Random sequences of 1 to 30 operations, biased towards sends and receives. */
    static Gen<List<Op<Real, ChannelModel>>> sequences() {
        Gen<Op<Real, ChannelModel>> op = integers().between(0, 99).zip(integers().between(0, 5),
                integers().between(0, 99), ChannelOps::op);
        return lists().of(op).ofSizeBetween(1, 30);
    }

    private static Op<Real, ChannelModel> op(int kind, int label, int value) {
        int sender = Math.max(0, label - 2); // half the ops aim at the first sender, which always exists
        if (kind < 35) {
            return new Send(sender, value);
        }
        if (kind < 47) {
            return new TryRecv();
        }
        if (kind < 55) {
            return new Recv();
        }
        if (kind < 61) {
            return new RecvTimeoutZero();
        }
        if (kind < 66) {
            return new TryIterDrain();
        }
        if (kind < 78) {
            return new CloneSender(sender);
        }
        if (kind < 90) {
            return new CloseSender(sender);
        }
        return new CloseReceiver();
    }

    private static String received(Result<?, ?> r) {
        if (r instanceof Result.Ok<?, ?> ok) {
            return ok.value() instanceof Numbered m ? "Ok(" + m + ")" : "Ok(" + Safely.show(ok.value()) + ")";
        }
        return Channels.show(r);
    }

    /** What a receive gives in the model: the oldest message, EMPTY / TIMEOUT, or DISCONNECTED. */
    private static Outcome receive(ChannelModel m, String empty, String disconnected, String rule) {
        if (!m.receiverOpen) {
            return Outcome.error(ErrorCode.E0382).because("M9");
        }
        if (!m.buffer.isEmpty()) {
            return Outcome.returned("Ok(m" + m.buffer.pollFirst() + ")").because("M1");
        }
        return Outcome.returned(m.anySenderOpen() ? empty : disconnected).because(m.anySenderOpen() ? rule : "M4");
    }

    record Send(int sender, int value) implements Op<Real, ChannelModel> {
        @Override
        public boolean enabledIn(ChannelModel m) {
            return sender < m.senderOpen.size();
        }

        @Override
        public String describe(ChannelModel m) {
            return "tx" + sender + ".send(m" + value + ")";
        }

        @Override
        public Outcome expect(ChannelModel m) {
            if (!m.senderOpen.get(sender)) {
                return Outcome.error(ErrorCode.E0382).because("M8");
            }
            if (!m.receiverOpen) {
                return Outcome.returned("Err(SendError(the message sent))").because("M2");
            }
            m.buffer.addLast(value);
            return Outcome.returned("Ok").because("M1");
        }

        @Override
        public Outcome run(Real s) {
            Numbered message = new Numbered(value, s.dropped);
            Sender<Numbered> tx = s.senders.get(sender);
            return Outcome.of(() -> {
                Result<Void, SendError<Numbered>> r = tx.send(message);
                if (r instanceof Result.Ok<Void, SendError<Numbered>>) {
                    return "Ok";
                }
                if (r instanceof Result.Err<Void, SendError<Numbered>> err && err.error() != null
                        && err.error().value() == message) {
                    return "Err(SendError(the message sent))";
                }
                return Channels.show(r);
            });
        }

        @Override
        public List<? extends Op<Real, ChannelModel>> simpler() {
            List<Op<Real, ChannelModel>> simpler = new ArrayList<>(Op.aimedAtEarlier(sender, i -> new Send(i, value)));
            if (value != 0) {
                simpler.add(new Send(sender, 0));
            }
            return simpler;
        }
    }

    record TryRecv() implements Op<Real, ChannelModel> {
        @Override
        public String describe(ChannelModel m) {
            return "rx.tryRecv()";
        }

        @Override
        public Outcome expect(ChannelModel m) {
            return receive(m, "Err(EMPTY)", "Err(DISCONNECTED)", "M5");
        }

        @Override
        public Outcome run(Real s) {
            return Outcome.of(() -> received(s.channel.receiver().tryRecv()));
        }
    }

    /** recv(), only where it cannot wait: a message is there, every sender is closed, or the receiver is closed. */
    record Recv() implements Op<Real, ChannelModel> {
        @Override
        public boolean enabledIn(ChannelModel m) {
            return !m.receiverOpen || !m.buffer.isEmpty() || !m.anySenderOpen();
        }

        @Override
        public String describe(ChannelModel m) {
            return "rx.recv()" + (m.receiverOpen && m.buffer.isEmpty() ? "  // every sender is closed" : "");
        }

        @Override
        public Outcome expect(ChannelModel m) {
            return receive(m, "unreachable", "Err(RecvError)", "M3");
        }

        @Override
        public Outcome run(Real s) {
            return Outcome.of(() -> received(s.channel.receiver().recv()));
        }

        @Override
        public List<? extends Op<Real, ChannelModel>> simpler() {
            return List.of(new TryRecv());
        }
    }

    record RecvTimeoutZero() implements Op<Real, ChannelModel> {
        @Override
        public String describe(ChannelModel m) {
            return "rx.recvTimeout(Duration.ZERO)";
        }

        @Override
        public Outcome expect(ChannelModel m) {
            return receive(m, "Err(TIMEOUT)", "Err(DISCONNECTED)", "M6");
        }

        @Override
        public Outcome run(Real s) {
            return Outcome.of(() -> received(s.channel.receiver().recvTimeout(Duration.ZERO)));
        }

        @Override
        public List<? extends Op<Real, ChannelModel>> simpler() {
            return List.of(new TryRecv());
        }
    }

    /** Drains {@code rx.tryIter()}: the messages buffered now, in order. */
    record TryIterDrain() implements Op<Real, ChannelModel> {
        @Override
        public String describe(ChannelModel m) {
            return "for (var x : iterable(rx.tryIter())) { ... }  // the messages it gives";
        }

        @Override
        public Outcome expect(ChannelModel m) {
            if (!m.receiverOpen) {
                return Outcome.error(ErrorCode.E0382).because("M9");
            }
            List<String> all = new ArrayList<>();
            while (!m.buffer.isEmpty()) {
                all.add("m" + m.buffer.pollFirst());
            }
            return Outcome.returned(all.toString()).because("M7");
        }

        @Override
        public Outcome run(Real s) {
            return Outcome.of(() -> {
                List<String> all = new ArrayList<>();
                Iterator<Numbered> it = s.channel.receiver().tryIter();
                while (it.hasNext() && all.size() <= 40) {
                    all.add(String.valueOf(it.next()));
                }
                return all.toString();
            });
        }
    }

    record CloneSender(int sender) implements Op<Real, ChannelModel> {
        @Override
        public boolean enabledIn(ChannelModel m) {
            return sender < m.senderOpen.size();
        }

        @Override
        public String describe(ChannelModel m) {
            return "Sender tx" + m.senderOpen.size() + " = tx" + sender + ".cloneSender()";
        }

        @Override
        public Outcome expect(ChannelModel m) {
            if (!m.senderOpen.get(sender)) {
                return Outcome.error(ErrorCode.E0382).because("M8");
            }
            m.senderOpen.add(true);
            return Outcome.done().because("M8");
        }

        @Override
        public Outcome run(Real s) {
            return Outcome.ofRun(() -> {
                Sender<Numbered> clone = s.senders.get(sender).cloneSender();
                if (clone == null) {
                    throw new IllegalStateException("cloneSender() returned null");
                }
                s.senders.add(clone);
            });
        }

        @Override
        public List<? extends Op<Real, ChannelModel>> simpler() {
            return Op.aimedAtEarlier(sender, CloneSender::new);
        }
    }

    record CloseSender(int sender) implements Op<Real, ChannelModel> {
        @Override
        public boolean enabledIn(ChannelModel m) {
            return sender < m.senderOpen.size();
        }

        @Override
        public String describe(ChannelModel m) {
            return "tx" + sender + ".close()" + (m.senderOpen.get(sender) ? "" : "  // again");
        }

        @Override
        public Outcome expect(ChannelModel m) {
            m.senderOpen.set(sender, false);
            return Outcome.done().because("M8");
        }

        @Override
        public Outcome run(Real s) {
            return Outcome.ofRun(() -> s.senders.get(sender).close());
        }

        @Override
        public List<? extends Op<Real, ChannelModel>> simpler() {
            return Op.aimedAtEarlier(sender, CloseSender::new);
        }
    }

    record CloseReceiver() implements Op<Real, ChannelModel> {
        @Override
        public String describe(ChannelModel m) {
            return "rx.close()" + (m.receiverOpen ? "" : "  // again");
        }

        @Override
        public Outcome expect(ChannelModel m) {
            if (m.receiverOpen) {
                m.dropped.addAll(m.buffer);
                m.buffer.clear();
                m.receiverOpen = false;
            }
            return Outcome.done().because("M9");
        }

        @Override
        public Outcome run(Real s) {
            return Outcome.ofRun(() -> s.channel.receiver().close());
        }
    }
}
