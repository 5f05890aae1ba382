package fearless.grader.export;

import fearless.grader.engine.CheckSpec;
import fearless.grader.engine.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The check classes the student export leaves out: those whose graded checks are all hidden.
 * Hidden checks leave with their whole class, so the export never edits Java and cannot leave a
 * half-stripped class behind; a class that mixes hidden and public checks is refused, since
 * leaving it out would drop public checks and keeping it would ship hidden ones.
 */
final class HiddenCheckClasses {

    private HiddenCheckClasses() {
    }

    /** The top-level classes to leave out, by name; a usage error if a hidden check cannot leave alone. */
    static SortedSet<String> of(List<CheckSpec> checks) {
        Map<String, List<CheckSpec>> byClass = new TreeMap<>();
        for (CheckSpec check : checks) {
            if (check.declaringClass().isEmpty()) {
                if (check.hidden()) {
                    throw new UsageException("hidden check " + check.id() + " is declared by no Java class, so the"
                            + " export cannot leave it out; write it as a Jupiter @Graded method");
                }
                continue;
            }
            byClass.computeIfAbsent(check.declaringClass().get(), c -> new ArrayList<>()).add(check);
        }
        SortedSet<String> hidden = new TreeSet<>();
        byClass.forEach((type, own) -> {
            List<String> hiddenOnes = own.stream().filter(CheckSpec::hidden).map(CheckSpec::id).toList();
            if (hiddenOnes.size() == own.size()) {
                hidden.add(type);
            } else if (!hiddenOnes.isEmpty()) {
                throw new UsageException("class " + type + " mixes hidden checks (" + String.join(", ", hiddenOnes)
                        + ") with public ones (" + String.join(", ", own.stream().filter(c -> !c.hidden())
                        .map(CheckSpec::id).toList()) + "); the export leaves hidden checks out with their class:"
                        + " move them into a class of their own");
            }
        });
        return hidden;
    }
}
