package fearless.grader.checks.syncchannel;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import fearless.api.ErrorCode;
import fearless.api.Result;
import fearless.api.channel.SyncChannel;
import fearless.api.channel.SyncSender;
import fearless.api.channel.TryRecvError;
import fearless.api.channel.TrySendError;
import fearless.grader.check.property.Op;
import fearless.grader.check.property.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;

/**
 * The operations of the bounded-buffer property, on one thread and never blocking: trySend
 * through the n-th sender, tryRecv, cloneSender, closing a sender, closing the receiver. Each
 * result is shown with the message's name, and an error that does not carry the very object sent
 * shows as {@code another object}.
 */
final class BufferOps {

    private BufferOps() {
    }

    /** The system: one channel, every sender made so far (by label), and the drops log. */
    static final class Ends {
        final SyncChannel<Droppable> channel;
        final List<SyncSender<Droppable>> senders = new ArrayList<>();
        final List<String> drops = new ArrayList<>();

        Ends(int bound) {
            channel = SyncChannels.fresh(bound);
            senders.add(channel.sender());
        }

        List<String> drops() {
            synchronized (drops) {
                return List.copyOf(drops);
            }
        }
    }

    /** Random sequences of 1 to 30 operations, mostly sends and receives. */
    static Gen<List<Op<Ends, BufferModel>>> sequences() {
        Gen<Op<Ends, BufferModel>> op = integers().between(0, 99).zip(integers().between(0, 3), integers().between(0, 99),
                BufferOps::op);
        return lists().of(op).ofSizeBetween(1, 30);
    }

    private static Op<Ends, BufferModel> op(int kind, int sender, int value) {
        if (kind < 45) {
            return new TrySend(sender, value);
        }
        if (kind < 80) {
            return new TryRecv();
        }
        if (kind < 88) {
            return new CloneSender(sender);
        }
        if (kind < 97) {
            return new CloseSender(sender);
        }
        return new CloseReceiver();
    }

    record TrySend(int sender, int value) implements Op<Ends, BufferModel> {
        @Override
        public boolean enabledIn(BufferModel m) {
            return sender < m.senderOpen.size();
        }

        @Override
        public String describe(BufferModel m) {
            return "tx" + sender + ".trySend(v" + value + ")";
        }

        @Override
        public Outcome expect(BufferModel m) {
            if (!m.senderOpen.get(sender)) {
                return Outcome.error(ErrorCode.E0382).because("M8");
            }
            if (!m.receiverOpen) {
                return Outcome.returned("Err(Disconnected(v" + value + "))").because("M2");
            }
            if (m.buffer.size() >= m.bound) {
                return Outcome.returned("Err(Full(v" + value + "))").because(m.bound == 0 ? "M11" : "M10");
            }
            m.buffer.addLast("v" + value);
            return Outcome.returned("Ok").because("M10");
        }

        @Override
        public Outcome run(Ends s) {
            Droppable v = new Droppable("v" + value, s.drops);
            Result<Void, TrySendError<Droppable>> r = s.senders.get(sender).trySend(v);
            if (r instanceof Result.Err<Void, TrySendError<Droppable>> e) {
                String kind = e.error() instanceof TrySendError.Full<?> ? "Full" : "Disconnected";
                return Outcome.returned("Err(" + kind + "(" + (e.error().value() == v ? v : "another object") + "))");
            }
            return Outcome.returned(r == null ? "null" : "Ok");
        }

        @Override
        public List<? extends Op<Ends, BufferModel>> simpler() {
            return Op.aimedAtEarlier(sender, s -> new TrySend(s, value));
        }
    }

    record TryRecv() implements Op<Ends, BufferModel> {
        @Override
        public String describe(BufferModel m) {
            return "rx.tryRecv()";
        }

        @Override
        public Outcome expect(BufferModel m) {
            if (!m.receiverOpen) {
                return Outcome.error(ErrorCode.E0382).because("M9");
            }
            if (!m.buffer.isEmpty()) {
                return Outcome.returned("Ok(" + m.buffer.pollFirst() + ")").because("M4");
            }
            return Outcome.returned(m.anySenderOpen() ? "Err(EMPTY)" : "Err(DISCONNECTED)").because("M5");
        }

        @Override
        public Outcome run(Ends s) {
            Result<Droppable, TryRecvError> r = s.channel.receiver().tryRecv();
            if (r instanceof Result.Ok<Droppable, TryRecvError> ok) {
                return Outcome.returned("Ok(" + ok.value() + ")");
            }
            return Outcome.returned(r instanceof Result.Err<Droppable, TryRecvError> e ? "Err(" + e.error() + ")" : "null");
        }
    }

    record CloneSender(int sender) implements Op<Ends, BufferModel> {
        @Override
        public boolean enabledIn(BufferModel m) {
            return sender < m.senderOpen.size();
        }

        @Override
        public String describe(BufferModel m) {
            return "SyncSender tx" + m.senderOpen.size() + " = tx" + sender + ".cloneSender()";
        }

        @Override
        public Outcome expect(BufferModel m) {
            if (!m.senderOpen.get(sender)) {
                return Outcome.error(ErrorCode.E0382).because("M8");
            }
            m.senderOpen.add(true);
            return Outcome.done();
        }

        @Override
        public Outcome run(Ends s) {
            s.senders.add(s.senders.get(sender).cloneSender());
            return Outcome.done();
        }

        @Override
        public List<? extends Op<Ends, BufferModel>> simpler() {
            return Op.aimedAtEarlier(sender, CloneSender::new);
        }
    }

    record CloseSender(int sender) implements Op<Ends, BufferModel> {
        @Override
        public boolean enabledIn(BufferModel m) {
            return sender < m.senderOpen.size();
        }

        @Override
        public String describe(BufferModel m) {
            return "tx" + sender + ".close()";
        }

        @Override
        public Outcome expect(BufferModel m) {
            m.senderOpen.set(sender, false);
            return Outcome.done().because("M3");
        }

        @Override
        public Outcome run(Ends s) {
            s.senders.get(sender).close();
            return Outcome.done();
        }

        @Override
        public List<? extends Op<Ends, BufferModel>> simpler() {
            return Op.aimedAtEarlier(sender, CloseSender::new);
        }
    }

    record CloseReceiver() implements Op<Ends, BufferModel> {
        @Override
        public String describe(BufferModel m) {
            return "rx.close()";
        }

        @Override
        public Outcome expect(BufferModel m) {
            if (m.receiverOpen) {
                m.receiverOpen = false;
                m.dropped.addAll(m.buffer);
                m.buffer.clear();
            }
            return Outcome.done().because("M9");
        }

        @Override
        public Outcome run(Ends s) {
            s.channel.receiver().close();
            return Outcome.done();
        }
    }
}
