package fearless.grader.checks.condvar;

/** The tickets property's model: how many waiters were started, how many tickets released. */
final class TicketModel {
    int waiters;
    int released;

    String ended() {
        return Math.min(waiters, released) + " of " + waiters + " waiters ended";
    }
}
