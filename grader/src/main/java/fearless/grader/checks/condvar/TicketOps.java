package fearless.grader.checks.condvar;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import fearless.grader.check.property.Op;
import fearless.grader.check.property.Outcome;
import java.util.List;
import org.quicktheories.core.Gen;

/**
 * The operations of the tickets property, each run on {@link Tickets} and on {@link TicketModel}:
 * start a waiter (waitWhile no ticket, then take one), release one ticket with notifyOne() (after
 * the unlock, or holding the lock), release a ticket for every waiter with notifyAllWaiters(),
 * wake the waiters with no ticket (a spurious wake-up for them), and a waitTimeout that times out.
 * After each, as many waiters must have ended as there were tickets for.
 */
final class TicketOps {

    private TicketOps() {
    }

    /** Random sequences of 1 to 10 operations, half of them waiters. */
    static Gen<List<Op<Tickets, TicketModel>>> sequences() {
        Gen<Op<Tickets, TicketModel>> op = integers().between(0, 9).map(TicketOps::op);
        return lists().of(op).ofSizeBetween(1, 10);
    }

    private static Op<Tickets, TicketModel> op(int kind) {
        return switch (kind) {
            case 0, 1, 2, 3 -> new StartWaiter();
            case 4 -> new ReleaseOne(false);
            case 5 -> new ReleaseOne(true);
            case 6 -> new ReleaseAll();
            case 7 -> new WakeWithoutTicket(true);
            case 8 -> new WakeWithoutTicket(false);
            default -> new TimedWait();
        };
    }

    record StartWaiter() implements Op<Tickets, TicketModel> {
        @Override
        public String describe(TicketModel m) {
            return "// a new thread: lock; waitWhile(g, t -> t == 0); take a ticket; unlock  (waiter " + m.waiters + ")";
        }

        @Override
        public Outcome expect(TicketModel m) {
            m.waiters++;
            return Outcome.returned(m.ended()).because("C2");
        }

        @Override
        public Outcome run(Tickets s) throws Exception {
            return Outcome.returned(s.startWaiter());
        }
    }

    record ReleaseOne(boolean holding) implements Op<Tickets, TicketModel> {
        @Override
        public String describe(TicketModel m) {
            return holding ? "lock; tickets++; c.notifyOne(); unlock" : "lock; tickets++; unlock; c.notifyOne()";
        }

        @Override
        public Outcome expect(TicketModel m) {
            m.released++;
            return Outcome.returned(m.ended()).because("C1");
        }

        @Override
        public Outcome run(Tickets s) throws Exception {
            return Outcome.returned(s.releaseOne(holding));
        }
    }

    record ReleaseAll() implements Op<Tickets, TicketModel> {
        @Override
        public String describe(TicketModel m) {
            int waiting = m.waiters - Math.min(m.waiters, m.released);
            return "lock; tickets += " + waiting + " (one per waiting thread); unlock; c.notifyAllWaiters()";
        }

        @Override
        public Outcome expect(TicketModel m) {
            m.released += m.waiters - Math.min(m.waiters, m.released);
            return Outcome.returned(m.ended()).because("C1");
        }

        @Override
        public Outcome run(Tickets s) throws Exception {
            return Outcome.returned(s.releaseAll());
        }
    }

    record WakeWithoutTicket(boolean all) implements Op<Tickets, TicketModel> {
        @Override
        public String describe(TicketModel m) {
            return (all ? "c.notifyAllWaiters()" : "c.notifyOne()") + "  // no new ticket: the waiters must wait on";
        }

        @Override
        public Outcome expect(TicketModel m) {
            return Outcome.returned(m.ended()).because("C2");
        }

        @Override
        public Outcome run(Tickets s) throws Exception {
            return Outcome.returned(s.wakeWithoutTicket(all));
        }
    }

    record TimedWait() implements Op<Tickets, TicketModel> {
        @Override
        public String describe(TicketModel m) {
            return "// another thread: lock; c.waitTimeout(g, 2 ms) until it times out; unlock";
        }

        @Override
        public Outcome expect(TicketModel m) {
            return Outcome.returned("timed out; " + m.ended()).because("C3");
        }

        @Override
        public Outcome run(Tickets s) throws Exception {
            return Outcome.returned(s.timedWait());
        }
    }
}
