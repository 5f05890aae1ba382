package fearless.grader.check.race;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A short, readable dump of the threads a check started: for each one its name, its state, the
 * lock it waits on and which thread holds that lock, and the top frames of the submission's code
 * (frames of the JDK, the grader and its libraries are left out, except the frame it is blocked
 * in). If {@link ThreadMXBean#findDeadlockedThreads()} finds a cycle among them, the cycle is
 * spelled out. That detector sees monitor and {@code ReentrantLock} cycles only, so a check that
 * knows more (who holds a guard) adds its own lines through {@link Stress#diagnose}.
 */
public final class ThreadDump {

    /** Frames of the submission's code shown per thread. */
    private static final int STUDENT_FRAMES = 4;

    /** Package prefixes that are not the submission's code. */
    private static final List<String> NOT_STUDENT = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "kotlin.", "kotlinx.", "org.junit.",
            "org.opentest4j.", "org.jetbrains.", "org.quicktheories.", "com.tngtech.", "fearless.grader.",
            "fearless.api.Result");

    private ThreadDump() {
    }

    /**
     * The dump of every live thread that is running the submission's code: what a check that hit
     * its time limit shows, when it had no harness of its own to say who waits on what.
     */
    public static String ofSubmissionThreads() {
        List<Thread> running = new ArrayList<>();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (Arrays.stream(stack).anyMatch(ThreadDump::isStudentCode)) {
                running.add(thread);
            }
        });
        return running.isEmpty() ? "(no thread is running the submission's code)\n" : of(running);
    }

    /** The dump of {@code threads} (threads that have ended are skipped). */
    public static String of(Collection<Thread> threads) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Long, String> names = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        for (Thread t : threads) {
            if (t.isAlive()) {
                ids.add(t.getId());
                names.put(t.getId(), t.getName());
            }
        }
        if (ids.isEmpty()) {
            return "(all threads have ended)\n";
        }
        StringBuilder out = new StringBuilder();
        ThreadInfo[] infos = mx.getThreadInfo(toArray(ids), true, true);
        for (ThreadInfo info : infos) {
            if (info != null) {
                describe(info, out);
            }
        }
        out.append(lockCycle(mx, new HashSet<>(ids), names));
        return out.toString();
    }

    private static void describe(ThreadInfo info, StringBuilder out) {
        out.append("  \"").append(info.getThreadName()).append("\" ").append(info.getThreadState());
        LockInfo lock = info.getLockInfo();
        if (lock != null) {
            out.append(info.getThreadState() == Thread.State.BLOCKED ? " entering monitor of " : " on ")
                    .append(simpleName(lock));
            if (info.getLockOwnerName() != null) {
                out.append(", held by \"").append(info.getLockOwnerName()).append('"');
            } else if (info.getThreadState() != Thread.State.BLOCKED) {
                out.append(" (waiting to be woken)");
            }
        }
        out.append('\n');
        StackTraceElement[] stack = info.getStackTrace();
        int shown = 0;
        for (int i = 0; i < stack.length && shown < STUDENT_FRAMES; i++) {
            if (i == 0 || isStudentCode(stack[i])) {
                out.append("      at ").append(frame(stack[i])).append('\n');
                if (i > 0) {
                    shown++;
                }
            }
        }
    }

    /** A lock cycle among {@code involved} threads, as ThreadMXBean sees it, or "". */
    private static String lockCycle(ThreadMXBean mx, Set<Long> involved, Map<Long, String> names) {
        long[] deadlocked = mx.findDeadlockedThreads();
        if (deadlocked == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (ThreadInfo info : mx.getThreadInfo(deadlocked)) {
            if (info != null && involved.contains(info.getThreadId())) {
                out.append("    \"").append(info.getThreadName()).append("\" waits for ")
                        .append(info.getLockName()).append(" held by \"").append(info.getLockOwnerName())
                        .append("\"\n");
            }
        }
        return out.length() == 0 ? "" : "  lock cycle (deadlock):\n" + out;
    }

    /** A frame as {@code pkg.Class.method(File.java:12)}, without the module and loader prefixes. */
    static String frame(StackTraceElement frame) {
        String where = frame.isNativeMethod() ? "Native Method"
                : frame.getFileName() == null ? "Unknown Source"
                : frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber() : frame.getFileName();
        return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
    }

    /** Whether a frame belongs to the submission rather than the JDK, the grader or a library. */
    static boolean isStudentCode(StackTraceElement frame) {
        String cls = frame.getClassName();
        for (String prefix : NOT_STUDENT) {
            if (cls.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    private static String simpleName(LockInfo lock) {
        String cls = lock.getClassName();
        return cls.substring(cls.lastIndexOf('.') + 1) + "@" + Integer.toHexString(lock.getIdentityHashCode());
    }

    private static long[] toArray(List<Long> ids) {
        long[] out = new long[ids.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.get(i);
        }
        return out;
    }
}
