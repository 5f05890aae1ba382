package fearless.grader.batch;

import fearless.grader.engine.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The I-th of N deterministic slices of a class ({@code --shard I/N}, 1-based): entry {@code k} of
 * the sorted list belongs to shard {@code k % N + 1}, so N runners on N machines grade each
 * submission exactly once and their gradebooks merge into the gradebook of one run.
 */
public record Shard(int index, int count) {

    /** The whole class: one shard. */
    public static final Shard ALL = new Shard(1, 1);

    private static final Pattern FORM = Pattern.compile("(\\d{1,6})/(\\d{1,6})");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new UsageException("--shard takes I/N with 1 <= I <= N, not " + index + "/" + count);
        }
    }

    public static Shard parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new UsageException("--shard takes I/N (for example 2/3), not '" + text + "'");
        }
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** This shard's part of {@code sorted}. */
    public <T> List<T> of(List<T> sorted) {
        List<T> mine = new ArrayList<>();
        for (int k = 0; k < sorted.size(); k++) {
            if (k % count == index - 1) {
                mine.add(sorted.get(k));
            }
        }
        return mine;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
