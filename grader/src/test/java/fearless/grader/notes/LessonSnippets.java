package fearless.grader.notes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Rust snippets of the lessons, read from their fences. A Rust block's info string states
 * what rustc says about it, in rustdoc's words: {@code ```rust} compiles and runs to exit 0,
 * {@code ```rust,compile_fail,E0499} is refused with E0499 among its errors,
 * {@code ```rust,should_panic} compiles and panics, {@code ```rust,no_run} compiles and is not
 * run. A {@code ```text,output} block right after it (blank lines between are fine) lists lines
 * the program prints, in order. A fence that states no outcome, says it in words the test does
 * not know, or contradicts its own {@code // error[E0382]} comments, is a snippet with problems.
 */
final class LessonSnippets {

    private static final Pattern OPENING = Pattern.compile("^(\\s*)(`{3,}|~{3,})(.*)$");
    private static final Pattern CODE = Pattern.compile("E\\d{4}");
    private static final Pattern CODE_IN_COMMENT = Pattern.compile("error\\[(E\\d{4})\\]");
    private static final String WORDS = "the words after `rust` are compile_fail with its error codes (E0499),"
            + " should_panic and no_run";

    private LessonSnippets() {
    }

    /** The Rust snippets of every lesson ({@code *.md}) in {@code notes}, lesson by lesson, top to bottom. */
    static List<RustSnippet> read(Path notes) {
        try (Stream<Path> files = Files.list(notes)) {
            List<RustSnippet> snippets = new ArrayList<>();
            for (Path lesson : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                snippets.addAll(parse(notes.getFileName() + "/" + lesson.getFileName(), Files.readString(lesson)));
            }
            return snippets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Rust snippets of one lesson; {@code lesson} names it in every snippet. */
    static List<RustSnippet> parse(String lesson, String markdown) {
        List<String> lines = List.of(markdown.split("\r?\n", -1));
        List<Fence> fences = fences(lines);
        List<RustSnippet> snippets = new ArrayList<>();
        for (int f = 0; f < fences.size(); f++) {
            Fence fence = fences.get(f);
            if (fence.isOutput()) {
                snippets.add(fence.alone(lesson, "an output block that follows no Rust snippet: put it right after"
                        + " the ```rust block whose output it shows"));
            } else if (fence.isRust()) {
                Fence next = f + 1 < fences.size() ? fences.get(f + 1) : null;
                boolean followed = fence.closed() && next != null && next.isOutput()
                        && blank(lines, fence.end(), next.line() - 1);
                if (followed) {
                    f++;
                }
                snippets.add(snippet(lesson, fence, followed ? next : null));
            } else if (!fence.closed()) {
                snippets.add(fence.alone(lesson, "the ```" + fence.info() + " fence opened here is never closed:"
                        + " every snippet after it is read as its text"));
            }
        }
        return snippets;
    }

    private static RustSnippet snippet(String lesson, Fence fence, Fence outputBlock) {
        List<String> problems = new ArrayList<>();
        List<String> words = fence.words();
        if (!fence.closed()) {
            problems.add("the fence is never closed");
        }
        if (!words.get(0).equals("rust")) {
            problems.add("`" + words.get(0) + "` is not `rust`: a Rust block's info string is `rust`, then its"
                    + " outcome after commas (```rust,compile_fail,E0499)");
        }
        Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
        Set<String> codes = new TreeSet<>();
        for (String word : words.subList(1, words.size())) {
            switch (word) {
                case "compile_fail" -> outcomes.add(Outcome.REFUSED);
                case "should_panic" -> outcomes.add(Outcome.PANICS);
                case "no_run" -> outcomes.add(Outcome.COMPILES);
                default -> {
                    if (CODE.matcher(word).matches()) {
                        codes.add(word);
                    } else {
                        problems.add("unknown word `" + word + "` in ```" + fence.info() + ": " + WORDS);
                    }
                }
            }
        }
        if (outcomes.size() > 1) {
            problems.add("```" + fence.info() + " claims " + outcomes.size() + " outcomes; a snippet has one");
        }
        Outcome outcome = outcomes.size() == 1 ? outcomes.iterator().next() : Outcome.RUNS;
        if (outcome == Outcome.REFUSED && codes.isEmpty()) {
            problems.add("```" + fence.info() + " does not say which error: name the code rustc gives"
                    + " (```rust,compile_fail,E0499)");
        }
        if (outcome != Outcome.REFUSED && !codes.isEmpty()) {
            problems.add("```" + fence.info() + " names " + String.join(", ", codes) + " without compile_fail:"
                    + " ```rust,compile_fail," + String.join(",", codes) + " if rustc refuses it");
        }
        if (fence.body().stream().allMatch(String::isBlank)) {
            problems.add("the snippet is empty");
        }
        problems.addAll(commentsAgree(fence, outcome, codes));
        List<String> output = List.of();
        if (outputBlock != null) {
            output = outputBlock.body().stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
            problems.addAll(outputProblems(outputBlock, outcome, output));
        }
        return new RustSnippet(lesson, fence.line(), fence.info(), String.join("\n", fence.body()), outcome, codes,
                output, problems);
    }

    /** A {@code // error[E0382]: ...} comment in the code claims that error: the fence must claim it too. */
    private static List<String> commentsAgree(Fence fence, Outcome outcome, Set<String> codes) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < fence.body().size(); i++) {
            String line = fence.body().get(i);
            int comment = line.indexOf("//");
            Matcher code = CODE_IN_COMMENT.matcher(comment < 0 ? "" : line.substring(comment));
            while (code.find()) {
                if (!codes.contains(code.group(1))) {
                    problems.add("line " + (fence.line() + 1 + i) + " says error[" + code.group(1) + "], but ```"
                            + fence.info() + " " + (outcome == Outcome.REFUSED ? "names " + String.join(", ", codes)
                            : "claims it " + outcome.claim()) + ": write ```rust,compile_fail,"
                            + code.group(1) + " if rustc refuses it with " + code.group(1));
                }
            }
        }
        return problems;
    }

    private static List<String> outputProblems(Fence block, Outcome outcome, List<String> output) {
        List<String> problems = new ArrayList<>();
        List<String> extra = block.words().stream().filter(w -> !w.equals("text") && !w.equals("output")).toList();
        if (!extra.isEmpty()) {
            problems.add("unknown word " + extra.stream().map(w -> "`" + w + "`").collect(Collectors.joining(", "))
                    + " in the output block's ```" + block.info() + " (line " + block.line() + "): it is ```text,output");
        }
        if (!block.closed()) {
            problems.add("the output block at line " + block.line() + " is never closed");
        }
        if (!outcome.runs()) {
            problems.add("an output block (line " + block.line() + ") after a snippet that is never run: the fence says"
                    + " it " + outcome.claim());
        }
        if (output.isEmpty()) {
            problems.add("the output block at line " + block.line() + " lists no line");
        }
        return problems;
    }

    /** Whether the lines between two fences (0-based, {@code from} inclusive, {@code to} exclusive) are blank. */
    private static boolean blank(List<String> lines, int from, int to) {
        return lines.subList(from, Math.max(from, to)).stream().allMatch(String::isBlank);
    }

    /** Every fenced block, as CommonMark closes them: the same character, at least as many, nothing after. */
    private static List<Fence> fences(List<String> lines) {
        List<Fence> fences = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            Matcher opening = OPENING.matcher(lines.get(i));
            if (!opening.matches() || (opening.group(2).charAt(0) == '`' && opening.group(3).contains("`"))) {
                i++;
                continue;
            }
            int indent = opening.group(1).length();
            String marker = opening.group(2);
            Pattern closing = Pattern.compile("^\\s*" + Pattern.quote(String.valueOf(marker.charAt(0)))
                    + "{" + marker.length() + ",}\\s*$");
            List<String> body = new ArrayList<>();
            int j = i + 1;
            while (j < lines.size() && !closing.matcher(lines.get(j)).matches()) {
                body.add(unindent(lines.get(j), indent));
                j++;
            }
            boolean closed = j < lines.size();
            fences.add(new Fence(i + 1, closed ? j + 1 : lines.size(), opening.group(3).strip(), body, closed));
            i = j + 1;
        }
        return fences;
    }

    /** A line of a fenced block indented with its fence, without the fence's indentation. */
    private static String unindent(String line, int indent) {
        int strip = 0;
        while (strip < indent && strip < line.length() && line.charAt(strip) == ' ') {
            strip++;
        }
        return line.substring(strip);
    }

    /**
     * A fenced block.
     *
     * @param line   the opening fence's line, from 1
     * @param end    the closing fence's line, from 1 (the last line when it is never closed)
     * @param info   the info string, stripped
     * @param body   the lines between the fences
     * @param closed whether a closing fence was found
     */
    private record Fence(int line, int end, String info, List<String> body, boolean closed) {

        List<String> words() {
            return List.of(info.split("[,\\s]+"));
        }

        boolean isRust() {
            return words().get(0).startsWith("rust");
        }

        boolean isOutput() {
            List<String> words = words();
            return words.get(0).equals("text") && words.contains("output");
        }

        RustSnippet alone(String lesson, String problem) {
            return new RustSnippet(lesson, line, info, String.join("\n", body), Outcome.RUNS, Set.of(), List.of(),
                    List.of(problem));
        }
    }
}
