package fearless.grader.export;

import java.util.List;
import java.util.Locale;

/**
 * What an export wrote, as the instructor reads it: one line per part of the student repository,
 * then what was left out, so a missing or unexpected part shows before the repository is published.
 *
 * @param dir the student repository
 * @param parts what it holds, in the order written
 * @param hiddenClasses the check classes left out because their checks are hidden
 * @param hiddenChecks how many hidden checks those classes hold
 */
public record ExportSummary(String dir, List<Part> parts, List<String> hiddenClasses, int hiddenChecks) {

    public ExportSummary {
        parts = List.copyOf(parts);
        hiddenClasses = List.copyOf(hiddenClasses);
    }

    /** One part of the student repository: a file, or a folder and how many files it holds. */
    public record Part(String path, int files, String what) {
    }

    /** The lines {@code fearless export} prints. */
    public String render() {
        int width = parts.stream().mapToInt(p -> p.path().length()).max().orElse(10);
        StringBuilder out = new StringBuilder("wrote the student repository ").append(dir).append('\n');
        for (Part part : parts) {
            String count = part.path().endsWith("/") ? part.files() + (part.files() == 1 ? " file" : " files") : "";
            out.append(String.format(Locale.ROOT, "  %-" + width + "s  %9s  %s%n", part.path(), count, part.what()));
        }
        out.append("left out: solutions/, the calibration mutants, the attack fixtures, the project's tests,"
                + " bench/, instructor-only lessons\n");
        if (hiddenClasses.isEmpty()) {
            out.append("hidden checks: none\n");
        } else {
            out.append("hidden checks left out: ").append(hiddenChecks).append(" in ").append(String.join(", ",
                    hiddenClasses)).append('\n');
        }
        return out.toString();
    }
}
