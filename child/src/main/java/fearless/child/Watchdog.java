package fearless.child;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Started in the child before any student class loads: ends the JVM when it runs more threads
 * than any honest check needs (a thread bomb would otherwise take the machine's process table
 * with it), with an exit code that tells the parent why. It counts every thread of the JVM,
 * whatever its group, and nothing stops it: interrupts are ignored and whatever is thrown at it
 * is caught. It holds nothing of the result channel, so reaching it leads nowhere. The parent
 * counts the child's threads too, from the operating system, in case it is suspended.
 */
final class Watchdog implements Runnable {

    private final int maxThreads;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    private Watchdog(int maxThreads) {
        this.maxThreads = maxThreads;
    }

    static void start(int maxThreads) {
        Thread t = new Thread(new Watchdog(maxThreads), "fearless-watchdog");
        t.setDaemon(true);
        t.setPriority(Thread.MAX_PRIORITY);
        t.start();
    }

    @Override
    public void run() {
        while (true) {
            try {
                watch();
            } catch (Throwable stopped) {
                // Thread.stop, a spurious interrupt, an error thrown in: keep watching.
            }
        }
    }

    private void watch() {
        while (true) {
            if (threads.getThreadCount() > maxThreads) {
                Runtime.getRuntime().halt(ChildMain.WATCHDOG_EXIT);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException ignored) {
                // Only the grader ends this thread, by ending the JVM.
            }
        }
    }
}
