package fearless.api;

import java.util.Objects;

/**
 * A program rustc would have refused, caught at run time. The message reads like rustc's:
 * {@code error[E0382]: use of moved value: the box was moved to a new owner}.
 *
 * <p>It is not a {@link Panic}: a panic is a failure of a correct program, this is a program
 * that would not have compiled.
 */
public final class OwnershipError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /**
     * @param code the rustc error this stands for
     * @param what one plain sentence saying what happened
     */
    public OwnershipError(ErrorCode code, String what) {
        super("error[" + Objects.requireNonNull(code).name() + "]: " + code.title() + ": " + what);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** E0382: {@code what} was used after it was moved or dropped. */
    public static OwnershipError useAfterMove(String what) {
        return new OwnershipError(ErrorCode.E0382, what);
    }
}
