package fearless.api;

/**
 * Rust's {@code todo!()}: the panic every stub throws until the student writes the method. It
 * names the exercise and the lesson to read, so the first failing check already says where to
 * start.
 */
public final class Unimplemented extends Panic {

    private static final long serialVersionUID = 1L;

    private final String exercise;

    /**
     * @param exercise the exercise id from the course manifest, e.g. {@code "mutex"}
     * @param lesson the lesson to read, e.g. {@code "course-notes/06-mutex.md"}
     */
    public Unimplemented(String exercise, String lesson) {
        super("not yet implemented: exercise '" + exercise + "' (read " + lesson + ")");
        this.exercise = exercise;
    }

    public String exercise() {
        return exercise;
    }
}
