package fearless.grader.check;

/** The kind of evidence a check gives, as the report groups it. */
public enum Category {
    /** Generated inputs and operation sequences checked against a simple model (QuickTheories). */
    PROPERTY,
    /** Rules on the submission's classes (ArchUnit). */
    STRUCTURE,
    /** Stress runs and systematic exploration of thread interleavings (Lincheck). */
    RACE,
    /** Example-based checks, many ported from Rust's own standard-library tests. */
    BEHAVIOUR;

    /** The name the reports use: {@code property}, {@code structure}, {@code race}, {@code behaviour}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Category fromId(String id) {
        return valueOf(id.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
