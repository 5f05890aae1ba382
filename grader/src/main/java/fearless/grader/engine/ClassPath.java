package fearless.grader.engine;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A class path as the grader's own processes get it: absolute entries, since they start in other folders. */
final class ClassPath {

    private ClassPath() {
    }

    /** The existing entries of {@code classPath}, each absolute. */
    static List<Path> entries(String classPath) {
        return Arrays.stream(classPath.split(File.pathSeparator)).filter(e -> !e.isEmpty())
                .map(e -> Path.of(e).toAbsolutePath()).filter(Files::exists).toList();
    }

    static String join(List<Path> entries) {
        return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}
