package fearless.grader.checks.threadmove;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * One generated move into a thread: some boxes (live, moved away before, or closed), the list
 * handed to {@code spawnAll} (or the one box handed to {@code spawn}), which may name a dead box
 * or the same box twice, and what the body does: move some of its handles on (returning them), or
 * throw. Boxes are named by index, so a case reads the same in every run.
 */
record MoveCase(List<Start> boxes, List<String> texts, List<Integer> listed, boolean single,
        Set<Integer> movedOn, boolean bodyThrows) {

    /** How a box is before the spawn. */
    enum Start { LIVE, MOVED, CLOSED }

    /** A case of about {@code size} boxes (1 to 4), biased toward dead boxes, duplicates and equal twins. */
    static MoveCase generate(Random random, int size) {
        List<Start> boxes = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int roll = random.nextInt(10);
            boxes.add(roll < 7 ? Start.LIVE : roll < 9 ? Start.MOVED : Start.CLOSED);
            boolean twin = i > 0 && random.nextInt(4) == 0;
            texts.add(twin ? texts.get(i - 1) : "v" + i);
        }
        List<Integer> listed = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (random.nextInt(4) != 0) {
                listed.add(i);
            }
        }
        java.util.Collections.shuffle(listed, random);
        if (!listed.isEmpty() && random.nextInt(5) == 0) {
            listed.add(random.nextInt(listed.size() + 1), listed.get(random.nextInt(listed.size())));
        }
        boolean single = random.nextInt(3) == 0;
        if (single) {
            listed = new ArrayList<>(List.of(random.nextInt(size)));
        }
        boolean bodyThrows = random.nextInt(5) == 0;
        Set<Integer> movedOn = new TreeSet<>();
        if (!bodyThrows) {
            for (int p = 0; p < listed.size(); p++) {
                if (random.nextInt(3) == 0) {
                    movedOn.add(p);
                }
            }
        }
        return new MoveCase(List.copyOf(boxes), List.copyOf(texts), List.copyOf(listed), single, Set.copyOf(movedOn),
                bodyThrows);
    }

    /** Whether the spawn may go ahead: every box listed is live, and none is listed twice. */
    boolean valid() {
        return listed.stream().allMatch(i -> boxes.get(i) == Start.LIVE) && listed.stream().distinct().count()
                == listed.size();
    }

    /** The case as the Java a student could run. */
    String asJava() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < boxes.size(); i++) {
            out.append("  Box<String> b").append(i).append(" = boxes.create(new String(\"").append(texts.get(i))
                    .append("\"));");
            if (boxes.get(i) == Start.MOVED) {
                out.append(" Box<String> away").append(i).append(" = b").append(i).append(".move();");
            } else if (boxes.get(i) == Start.CLOSED) {
                out.append(" b").append(i).append(".close();");
            }
            out.append('\n');
        }
        String body;
        if (bodyThrows) {
            body = "mine -> { throw boom; }";
        } else if (single) {
            body = movedOn.isEmpty() ? "mine -> List.of()" : "mine -> List.of(mine.move())";
        } else {
            List<String> moves = new ArrayList<>();
            for (int p : movedOn) {
                moves.add("mine.get(" + p + ").move()");
            }
            body = "mine -> List.of(" + String.join(", ", moves) + ")";
        }
        if (single) {
            out.append("  JoinHandle<..> h = spawner.spawn(b").append(listed.get(0)).append(", ").append(body)
                    .append(");\n");
        } else {
            List<String> names = listed.stream().map(i -> "b" + i).toList();
            out.append("  JoinHandle<..> h = spawner.spawnAll(List.of(").append(String.join(", ", names))
                    .append("), ").append(body).append(");\n");
        }
        out.append("  h.join();   // then the check closes the boxes join gave back, every b, and every away");
        return out.toString();
    }
}
