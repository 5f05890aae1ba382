package fearless.grader.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The operating system's fence around a child JVM, outside everything the JVM itself enforces:
 * {@link Bubblewrap} where the machine allows it, {@link #NONE} elsewhere. The report names the
 * one that ran.
 */
interface Sandbox {

    /** No fence beyond a separate process with a cleared environment and a private working folder. */
    Sandbox NONE = new Sandbox() {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public ProcessBuilder builder(List<String> command, ChildMounts mounts) {
            ProcessBuilder builder = new ProcessBuilder(command).directory(mounts.tmp().toFile());
            CLEAN_ENVIRONMENT.accept(builder);
            return builder;
        }

        @Override
        public Path tmp(Path runDir) {
            return runDir.resolve("tmp");
        }
    };

    /** Leaves the child only what the JVM needs to start: nothing of the grader's environment. */
    java.util.function.Consumer<ProcessBuilder> CLEAN_ENVIRONMENT = builder -> {
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put("LANG", "C.UTF-8");
    };

    /** What {@code --sandbox} asks for. */
    enum Mode {
        AUTO, BWRAP, NONE;

        static Mode parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageException("unknown sandbox '" + text + "'; the sandboxes are: auto, bwrap, none");
            }
        }
    }

    /**
     * What a child may see: the grader's class path and the compiled submission read-only, the
     * channel's folder to connect to, and a private temporary folder.
     */
    record ChildMounts(List<Path> readOnly, Path classes, Path channel, Path tmp) {
    }

    /** The sandbox {@code mode} asks for; {@code auto} falls back to {@link #NONE} where bubblewrap does not run. */
    static Sandbox choose(Mode mode) {
        return switch (mode) {
            case NONE -> NONE;
            case BWRAP -> Bubblewrap.probe().orElseThrow(() -> new UsageException(
                    "--sandbox bwrap: bubblewrap is not installed or not allowed here (" + Bubblewrap.whyNot()
                            + "); install the package 'bubblewrap', or use --sandbox auto"));
            case AUTO -> Bubblewrap.probe().map(Sandbox.class::cast).orElse(NONE);
        };
    }

    /** {@code bwrap} or {@code none}, as the report names it. */
    String name();

    /** A process builder that starts {@code command} (a java command line) inside this sandbox. */
    ProcessBuilder builder(List<String> command, ChildMounts mounts);

    /** The child's temporary folder, as the child sees it. */
    Path tmp(Path runDir);
}
