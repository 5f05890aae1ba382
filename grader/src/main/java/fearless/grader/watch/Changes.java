package fearless.grader.watch;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where the saves that trigger a re-grade come from: the file system, or a test's script of saves. */
@FunctionalInterface
public interface Changes {

    /** Blocks until the next save: the files it wrote; empty when there will be no more. */
    Optional<List<Path>> next() throws InterruptedException;
}
