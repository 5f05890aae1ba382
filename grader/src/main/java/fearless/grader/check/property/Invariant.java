package fearless.grader.check.property;

import java.util.Objects;
import java.util.function.Function;

/**
 * Something that must read the same on the system and on the model after every step, such as
 * "the values dropped so far, in order". Compared with {@code equals}.
 *
 * @param what what is compared, as a noun phrase: {@code "drops so far"}
 * @param rule the rule a difference breaks, e.g. {@code "O3"}
 * @param actual reads it from the system
 * @param expected reads it from the model
 */
public record Invariant<S, M>(String what, String rule, Function<? super S, ?> actual,
        Function<? super M, ?> expected) {

    public Invariant {
        Objects.requireNonNull(what);
        Objects.requireNonNull(rule);
        Objects.requireNonNull(actual);
        Objects.requireNonNull(expected);
    }
}
