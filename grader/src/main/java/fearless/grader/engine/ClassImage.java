package fearless.grader.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The compiled submission as it was when it was scanned, held in the parent's memory. Every child
 * gets its own fresh copy, so nothing a child writes into its class folder reaches another child
 * unscanned.
 */
final class ClassImage {

    private final Map<String, byte[]> files = new LinkedHashMap<>();

    private ClassImage() {
    }

    /** Reads every file below {@code classes}. */
    static ClassImage read(Path classes) {
        ClassImage image = new ClassImage();
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                image.files.put(classes.relativize(file).toString(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return image;
    }

    /** Every file, by its path below the class folder ({@code p/mutex/M.class}), in a stable order. */
    Map<String, byte[]> files() {
        return java.util.Collections.unmodifiableMap(files);
    }

    /** Writes a fresh copy into {@code dir}, which must be empty or not exist yet. */
    Path writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
