package fearless.grader.notes;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Rust compiler on the PATH, if there is one recent enough: the lessons quote rustc 1.95
 * (edition 2021), and an older rustc words some diagnostics and panics differently, so checking
 * the lessons against it would fail them for no fault of theirs.
 */
final class Rustc {

    /** The oldest rustc the lessons are held to: the one they were checked against. */
    static final int MIN_MINOR = 95;

    private static final Pattern VERSION = Pattern.compile("rustc (\\d+)\\.(\\d+)\\.\\S+");
    private static final Duration VERSION_LIMIT = Duration.ofSeconds(30);

    private final Path executable;
    private final String version;
    private final String unavailable;

    private Rustc(Path executable, String version, String unavailable) {
        this.executable = executable;
        this.version = version;
        this.unavailable = unavailable;
    }

    /** The rustc the PATH finds first, or why there is none the lessons can be checked with. */
    static Rustc onPath() {
        return onPath(System.getenv().getOrDefault("PATH", ""));
    }

    /** The rustc that {@code path} (directories, as in PATH) finds first. */
    static Rustc onPath(String path) {
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = dir.isEmpty() ? null : Path.of(dir, "rustc");
            if (candidate != null && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return at(candidate);
            }
        }
        return new Rustc(null, null, "rustc is not on the PATH");
    }

    /** The rustc at {@code executable}, if it runs and is recent enough. */
    static Rustc at(Path executable) {
        try {
            TimedProcess ran = TimedProcess.run(List.of(executable.toString(), "--version"), Path.of("."), Map.of(),
                    true, VERSION_LIMIT);
            Matcher version = VERSION.matcher(ran.out());
            if (ran.timedOut() || ran.exit() != 0 || !version.find()) {
                return new Rustc(null, null, executable + " --version did not answer with a version: " + ran.out().strip());
            }
            int major = Integer.parseInt(version.group(1));
            int minor = Integer.parseInt(version.group(2));
            if (major == 1 && minor < MIN_MINOR) {
                return new Rustc(null, version.group(), executable + " is " + version.group() + ", older than rustc 1."
                        + MIN_MINOR + ", the one the lessons quote");
            }
            return new Rustc(executable, version.group(), null);
        } catch (IOException e) {
            return new Rustc(null, null, executable + " does not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Rustc(null, null, "interrupted while asking " + executable + " for its version");
        }
    }

    boolean available() {
        return executable != null;
    }

    Path executable() {
        return executable;
    }

    /** Why the lessons' snippets cannot be compiled here; null when they can. */
    String unavailable() {
        return unavailable;
    }

    /** {@code rustc 1.95.0}. */
    String version() {
        return version;
    }

    /**
     * Compiles the program at {@code source} (relative to {@code dir}, so diagnostics name it so)
     * as edition 2021, with neither optimization nor debug information (not even the standard
     * library's: a binary of half a megabyte instead of four): the lessons' programs are tiny, and
     * it is the compile time that counts. With {@code checkOnly}, rustc stops after the
     * checks (borrow checking included) and writes only metadata: enough to see an error, and
     * no time spent on code generation or linking.
     */
    TimedProcess compile(Path dir, String source, Path output, boolean checkOnly, Duration limit)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--edition", "2021",
                "--crate-type", "bin", "--crate-name", "snippet", "-C", "opt-level=0", "-C", "debuginfo=0",
                "-C", "strip=debuginfo", "--color", "never"));
        if (checkOnly) {
            command.add("--emit=metadata");
        }
        command.addAll(List.of("-o", output.toString(), source));
        return TimedProcess.run(command, dir, Map.of(), false, limit);
    }
}
