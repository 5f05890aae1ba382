package fearless.grader.engine;

import java.util.function.Consumer;

/**
 * Started in the child before any student class loads: ends the JVM when the submission starts
 * more threads than any honest check needs (a thread bomb would otherwise take the machine's
 * process table with it), after telling the parent why.
 */
final class Watchdog implements Runnable {

    private final int maxThreads;
    private final Consumer<String> abort;

    /** @param abort tells the parent the reason; the watchdog halts the JVM right after */
    Watchdog(int maxThreads, Consumer<String> abort) {
        this.maxThreads = maxThreads;
        this.abort = abort;
    }

    static void start(int maxThreads, Consumer<String> abort) {
        Thread t = new Thread(new Watchdog(maxThreads, abort), "fearless-watchdog");
        t.setDaemon(true);
        t.setPriority(Thread.MAX_PRIORITY);
        t.start();
    }

    @Override
    public void run() {
        while (true) {
            int live = Thread.activeCount();
            if (live > maxThreads) {
                abort.accept("the submission started more than " + maxThreads + " threads (a thread bomb?)");
                Runtime.getRuntime().halt(Limits.WATCHDOG_EXIT);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
