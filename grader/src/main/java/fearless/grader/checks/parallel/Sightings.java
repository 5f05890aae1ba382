package fearless.grader.checks.parallel;

import fearless.grader.checks.kit.KitThreads;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What the check's function saw, input by input: how often it was called on each input and on
 * which thread, and whether it ever ran on a thread the kit did not spawn. The computation cannot
 * lie about this: the function is the check's own code.
 */
final class Sightings {

    private final KitThreads kit;
    private final Thread caller;
    private final AtomicIntegerArray calls;
    private final AtomicReferenceArray<Thread> seenBy;
    private final AtomicReference<String> elsewhere = new AtomicReference<>();

    /** For inputs {@code 0..size-1}, the computation called from {@code caller} and spawning through {@code kit}. */
    Sightings(KitThreads kit, Thread caller, int size) {
        this.kit = kit;
        this.caller = caller;
        this.calls = new AtomicIntegerArray(size);
        this.seenBy = new AtomicReferenceArray<>(size);
    }

    /** Notes that input {@code index} is being worked on by the calling thread. */
    void saw(int index) {
        calls.incrementAndGet(index);
        Thread me = Thread.currentThread();
        seenBy.compareAndSet(index, null, me);
        if (!kit.isSpawnedThread(me)) {
            elsewhere.compareAndSet(null, "input " + index + " on " + (me == caller ? "the caller's own thread"
                    : "thread \"" + me.getName() + "\", which was not spawned through the Threads it was given"));
        }
    }

    /** The first input worked on by a thread not spawned through the kit, and which thread, or null. */
    String elsewhere() {
        return elsewhere.get();
    }

    /** The first input not seen exactly once, described, or null. */
    String notExactlyOnce() {
        for (int i = 0; i < calls.length(); i++) {
            int n = calls.get(i);
            if (n != 1) {
                return "input " + i + " was worked on " + (n == 0 ? "never" : n + " times");
            }
        }
        return null;
    }

    /** The inputs each thread worked on, threads in the order they first appeared. */
    Map<Thread, List<Integer>> byThread() {
        Map<Thread, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < seenBy.length(); i++) {
            Thread t = seenBy.get(i);
            if (t != null) {
                groups.computeIfAbsent(t, x -> new ArrayList<>()).add(i);
            }
        }
        return groups;
    }
}
