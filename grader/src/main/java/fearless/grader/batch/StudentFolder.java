package fearless.grader.batch;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A student id as the name of the student's report folder ({@code OUT/students/<id>/}). An id is
 * used as it is or not at all: one that could leave the folder or confuse a file system (a
 * separator, {@code ..}, a leading dot, a control character, more than 100 characters) is refused,
 * and its submission is recorded as not graded, saying why.
 */
public final class StudentFolder {

    private static final Pattern SAFE = Pattern.compile("[\\p{L}\\p{N}_@+=,-][\\p{L}\\p{N} ._@+=,-]{0,99}");

    private StudentFolder() {
    }

    /** Why {@code id} cannot name a folder; empty when it can. */
    public static Optional<String> problem(String id) {
        if (SAFE.matcher(id).matches() && !id.contains("..") && !id.endsWith(" ") && !id.endsWith(".")) {
            return Optional.empty();
        }
        return Optional.of("student id '" + printable(id) + "' cannot name a folder (letters, digits and"
                + " ._@+=,- only, no leading dot, no '..', at most 100 characters)");
    }

    /** The folder of {@code id} under {@code students}. */
    public static Path of(Path students, String id) {
        problem(id).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        Path folder = students.resolve(id).normalize();
        if (!students.normalize().equals(folder.getParent())) {
            throw new IllegalArgumentException("student id '" + printable(id) + "' leaves " + students);
        }
        return folder;
    }

    /** {@code text} with control characters shown as {@code \\uXXXX}, for a message. */
    static String printable(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }
}
