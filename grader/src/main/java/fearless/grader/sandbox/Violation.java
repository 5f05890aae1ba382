package fearless.grader.sandbox;

/**
 * One use of something a submission may not touch, located for the student.
 *
 * @param className the submission's class, as Java writes it
 * @param where {@code BasicMutex.java:57}, or the class's name where no line is known
 * @param what what it does, e.g. {@code calls java.lang.System.exit}
 * @param why why that is forbidden
 */
public record Violation(String className, String where, String what, String why) {

    @Override
    public String toString() {
        return where + ": " + what + " (" + why + ")";
    }
}
