package fearless.grader.notes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a snippet with rustc, runs it if it claims to run, and says how the result differs
 * from what its fence claims. Each message starts with the snippet's place and the claim, then
 * shows what rustc or the program said.
 */
final class SnippetCheck {

    /** The exit code of a Rust program whose main thread panicked. */
    static final int PANIC_EXIT = 101;

    private static final Pattern ERROR_CODE = Pattern.compile("(?m)^error\\[(E\\d{4})\\]");
    private static final int SHOWN_CHARS = 6000;

    private final Rustc rustc;
    private final Duration compileLimit;
    private final Duration runLimit;

    SnippetCheck(Rustc rustc, Duration compileLimit, Duration runLimit) {
        this.rustc = rustc;
        this.compileLimit = compileLimit;
        this.runLimit = runLimit;
    }

    /**
     * What differs between the snippet's claim and what happens, or nothing. The snippet is
     * compiled in a folder of its own under {@code work}.
     */
    Optional<String> check(RustSnippet snippet, Path work) throws IOException, InterruptedException {
        Optional<String> wrongFence = fenceProblems(snippet);
        if (wrongFence.isPresent()) {
            return wrongFence;
        }
        Path dir = Files.createDirectories(work.resolve(snippet.name().replace(':', '-')));
        Path source = dir.resolve(snippet.lesson());
        Files.createDirectories(source.getParent());
        Files.writeString(source, snippet.source());
        String relative = dir.relativize(source).toString();
        return switch (snippet.outcome()) {
            case REFUSED -> refused(snippet, dir, relative);
            case COMPILES, RUNS, PANICS -> compiles(snippet, dir, relative);
        };
    }

    /** What is wrong with the fence itself (no outcome the test knows, ...), found without rustc. */
    static Optional<String> fenceProblems(RustSnippet snippet) {
        if (snippet.problems().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(snippet.where() + ": ```" + snippet.info() + ": " + (snippet.problems().size() == 1
                ? snippet.problems().get(0) : "\n  - " + String.join("\n  - ", snippet.problems())));
    }

    private Optional<String> refused(RustSnippet snippet, Path dir, String source)
            throws IOException, InterruptedException {
        TimedProcess compiled = rustc.compile(dir, source, dir.resolve("snippet.rmeta"), true, compileLimit);
        if (compiled.exit() == 0 && !compiled.timedOut()) {
            // Checked without errors: code generation and linking could still refuse it, rarely.
            compiled = rustc.compile(dir, source, dir.resolve("snippet"), false, compileLimit);
        }
        if (compiled.timedOut()) {
            return Optional.of(headline(snippet, "rustc did not finish in " + seconds(compileLimit)));
        }
        if (compiled.exit() == 0) {
            return Optional.of(headline(snippet, "rustc compiles it") + shown(rustc.version() + " said", compiled.err()));
        }
        Set<String> given = codes(compiled.err());
        Set<String> missing = new TreeSet<>(snippet.codes());
        missing.removeAll(given);
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String gives = given.isEmpty() ? "rustc refuses it with no error code" : "rustc gives " + String.join(", ", given);
        return Optional.of(headline(snippet, gives + ", not " + String.join(", ", missing))
                + shown(rustc.version() + " said", compiled.err()));
    }

    private Optional<String> compiles(RustSnippet snippet, Path dir, String source)
            throws IOException, InterruptedException {
        Path binary = dir.resolve("snippet");
        TimedProcess compiled = rustc.compile(dir, source, binary, false, compileLimit);
        if (compiled.timedOut()) {
            return Optional.of(headline(snippet, "rustc did not finish in " + seconds(compileLimit)));
        }
        if (compiled.exit() != 0) {
            Set<String> codes = codes(compiled.err());
            String with = codes.isEmpty() ? "" : " with " + String.join(", ", codes);
            return Optional.of(headline(snippet, "rustc refuses it" + with)
                    + shown(rustc.version() + " said", compiled.err()));
        }
        if (!snippet.outcome().runs()) {
            Files.delete(binary);
            return Optional.empty();
        }
        boolean panics = snippet.outcome() == Outcome.PANICS;
        Map<String, String> env = new HashMap<>();
        env.put("RUST_BACKTRACE", null);
        env.put("RUST_LIB_BACKTRACE", null);
        TimedProcess ran = TimedProcess.run(List.of(binary.toString()), dir, env, panics, runLimit);
        Files.delete(binary);
        String printed = panics ? shown("it printed (standard output and error)", ran.out())
                : shown("it printed (standard output)", ran.out())
                        + (ran.err().isBlank() ? "" : shown("and on standard error", ran.err()));
        if (ran.timedOut()) {
            return Optional.of(headline(snippet, "it did not finish in " + seconds(runLimit)
                    + " (a loop, or a deadlock? A snippet meant to hang is ```rust,no_run)") + printed);
        }
        if (!panics && ran.exit() != 0) {
            return Optional.of(headline(snippet, ran.exit() == PANIC_EXIT ? "it panics" : "it exits with " + ran.exit())
                    + printed);
        }
        if (panics && ran.exit() != PANIC_EXIT) {
            return Optional.of(headline(snippet, ran.exit() == 0 ? "it runs to exit 0, no panic"
                    : "it exits with " + ran.exit() + ", not with a panic (" + PANIC_EXIT + ")") + printed);
        }
        return outputMissing(snippet.output(), ran.out()).map(missing -> headline(snippet, missing) + printed);
    }

    /**
     * The first line of the output block the program did not print, in order: each line of the
     * block must be found in a line of the output after the one where the previous was found.
     */
    static Optional<String> outputMissing(List<String> expected, String printed) {
        List<String> lines = List.of(printed.split("\r?\n", -1));
        int from = 0;
        for (String line : expected) {
            int at = from;
            while (at < lines.size() && !lines.get(at).contains(line)) {
                at++;
            }
            if (at == lines.size()) {
                boolean anywhere = lines.stream().anyMatch(l -> l.contains(line));
                return Optional.of("the output block's line `" + line + "` " + (anywhere
                        ? "is printed, but before the line the block puts ahead of it" : "is not in what it printed"));
            }
            from = at + 1;
        }
        return Optional.empty();
    }

    /** The error codes among rustc's diagnostics, {@code error[E0382]: ...}. */
    static Set<String> codes(String diagnostics) {
        Set<String> codes = new TreeSet<>();
        Matcher code = ERROR_CODE.matcher(diagnostics);
        while (code.find()) {
            codes.add(code.group(1));
        }
        return codes;
    }

    private static String headline(RustSnippet snippet, String what) {
        String claim = switch (snippet.outcome()) {
            case REFUSED -> "rustc refuses it with " + String.join(", ", snippet.codes());
            case RUNS, PANICS, COMPILES -> "it " + snippet.outcome().claim()
                    + (snippet.output().isEmpty() ? "" : ", printing its output block");
        };
        return snippet.where() + ": ```" + snippet.info() + " says " + claim + ", but " + what;
    }

    private static String shown(String label, String text) {
        String strip = text.strip();
        if (strip.isEmpty()) {
            return "\n" + label + ": nothing";
        }
        String cut = strip.length() > SHOWN_CHARS ? strip.substring(0, SHOWN_CHARS) + "\n[...]" : strip;
        List<String> lines = new ArrayList<>();
        cut.lines().forEach(l -> lines.add("  | " + l));
        return "\n" + label + ":\n" + String.join("\n", lines);
    }

    private static String seconds(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }
}
