package fearless.api;

/**
 * The rustc errors that Java cannot raise at compile time and the kit raises at run time instead.
 * Each one names the code, so a student can look it up with {@code rustc --explain E0382}.
 */
public enum ErrorCode {
    /** Use of a moved (or dropped) value. */
    E0382("use of moved value"),
    /** Two mutable borrows at once. */
    E0499("cannot borrow as mutable more than once at a time"),
    /** A shared and a mutable borrow at once. */
    E0502("cannot borrow as mutable and as immutable at once"),
    /** Moving or dropping a value while it is borrowed. */
    E0505("cannot move out of value because it is borrowed"),
    /** A reference that outlives the value it refers to. */
    E0597("borrowed value does not live long enough"),
    /**
     * A trait bound not satisfied: a type lacks a trait the code needs, such as {@code Send} or
     * {@code Sync} for a value used from another thread. rustc words the title per trait
     * ({@code `Rc<i32>` cannot be sent between threads safely} for {@code Send},
     * {@code cannot be shared between threads safely} for {@code Sync},
     * {@code the trait bound `String: Copy` is not satisfied} for others); the kit uses the general form.
     */
    E0277("the trait bound is not satisfied");

    private final String title;

    ErrorCode(String title) {
        this.title = title;
    }

    /** rustc's own one-line title for the error, in its general form: without the names of the types involved. */
    public String title() {
        return title;
    }
}
