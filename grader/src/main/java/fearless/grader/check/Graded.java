package fearless.grader.check;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;

/**
 * Marks a JUnit Jupiter test as a graded check: what it is worth, what kind of evidence it gives,
 * and which rules of the behaviour contract it verifies. The exercise comes from the enclosing
 * class's {@link Exercise}.
 *
 * <p>Checks written for another JUnit Platform engine carry the same facts as tags instead:
 * {@code exercise:mutex}, {@code points:2}, {@code category:race}, {@code rule:X2}.
 */
@Documented
@Test
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Graded {

    /** Points earned when the check passes; nothing otherwise. */
    int points();

    Category category();

    /** Rule ids from the behaviour contract, e.g. {@code "X2"}. At least one. */
    String[] rules();

    /** Hidden checks run only in the instructor's grading run, not in the student distribution. */
    boolean hidden() default false;

    /**
     * Whether the verdict rests on how the operating system schedules threads (a stress run), so
     * the seed does not reproduce it: reports then say so instead of promising {@code --seed}.
     * Model checks are not: their seed fixes the interleavings they explore. Tag: {@code scheduling}.
     */
    boolean dependsOnScheduling() default false;
}
