package fearless.grader.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which rustc the lessons are checked with, and why none when there is none. */
class RustcTest {

    @TempDir
    Path dir;

    @Test
    void no_rustc_on_the_path_says_so() {
        Rustc rustc = Rustc.onPath(dir.toString());
        assertFalse(rustc.available());
        assertEquals("rustc is not on the PATH", rustc.unavailable());
    }

    @Test
    void a_rustc_older_than_the_lessons_is_not_used() throws IOException {
        Rustc rustc = Rustc.onPath(fake("rustc 1.63.0 (4b91a6ea7 2022-08-08)").toString());
        assertFalse(rustc.available());
        assertTrue(rustc.unavailable().endsWith("rustc is rustc 1.63.0, older than rustc 1.95, the one the lessons quote"),
                rustc.unavailable());
    }

    @Test
    void the_first_recent_rustc_on_the_path_is_used() throws IOException {
        Path fake = fake("rustc 1.96.0 (ac68faa20 2026-05-25) (built from a source tarball)");
        Rustc rustc = Rustc.onPath(dir.resolve("empty") + java.io.File.pathSeparator + fake);
        assertTrue(rustc.available(), rustc.unavailable());
        assertEquals("rustc 1.96.0", rustc.version());
        assertEquals(fake.resolve("rustc"), rustc.executable());
    }

    /** A directory holding a {@code rustc} that only prints {@code version}. */
    private Path fake(String version) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path rustc = Files.writeString(bin.resolve("rustc"), "#!/bin/sh\necho '" + version + "'\n");
        Files.setPosixFilePermissions(rustc, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }
}
