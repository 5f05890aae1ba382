package fearless.api.capstones;

import java.util.function.IntConsumer;

/**
 * Dijkstra's dining philosophers: philosophers around a round table, one fork between each two
 * neighbours. Philosopher {@code i} eats with fork {@code i} and fork {@code (i + 1) % n}, each
 * fork a mutex. A philosopher who holds one fork and waits for the other keeps the first while
 * waiting: if all take the fork on the same side first, all can hold one and wait forever.
 *
 * <p>Rules (see {@code course-notes/10-capstones.md}): P1 (neighbours never eat at the same time:
 * a philosopher eats only while holding both forks), P2 (no deadlock, whatever the interleaving)
 * and P3 (progress: every philosopher eats every meal, and philosophers who share no fork eat at
 * the same time).
 */
public interface DiningPhilosophers {

    /**
     * Seats {@code philosophers} philosophers, each on a thread of its own spawned through the
     * table's threads, and lets each one eat {@code meals} times; returns once every philosopher
     * has eaten every meal and every thread has been joined (P3). The forks are
     * {@code philosophers} mutexes made by the table's mutexes, fork {@code i} made {@code i}-th.
     * For each meal, philosopher {@code i} locks fork {@code i} and fork
     * {@code (i + 1) % philosophers} and, holding both, calls {@code eat.accept(i)} once; it puts
     * both forks down before it reaches for them again (P1). No interleaving deadlocks (P2).
     * Philosophers who share no fork eat at the same time: one slow eater holds up only its two
     * neighbours (P3). Fewer than 2 philosophers, or fewer than 0 meals, is refused with an
     * {@link IllegalArgumentException} before any thread starts; 0 meals seats the philosophers
     * and returns without a call to {@code eat}.
     */
    void dine(int philosophers, int meals, IntConsumer eat);
}
