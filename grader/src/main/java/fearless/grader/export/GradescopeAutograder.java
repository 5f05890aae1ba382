package fearless.grader.export;

import fearless.grader.export.ExportSummary.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The zip Gradescope builds an autograder from: {@code setup.sh} (installs the JDK, Maven,
 * bubblewrap and jq, and builds the kit once, so each submission starts grading at once),
 * {@code run_autograder} (grades {@code /autograder/submission} into
 * {@code /autograder/results/results.json}, and says so in a results.json of its own when grading
 * itself fails), and the kit the grader needs: the parent pom, {@code api/}, {@code child/} and
 * {@code grader/} with every check, hidden ones included, since students never see the
 * autograder. The reference solutions, the stubs, the scaffold's templates and every test-side
 * file (mutants, attack fixtures, the project's tests) stay out, and the pom lists neither
 * {@code solutions} nor {@code exercises}.
 */
public final class GradescopeAutograder {

    /** The zip's name in the folder it is written to. */
    public static final String ZIP = "autograder.zip";

    private static final String TEMPLATES = "/fearless/ci/gradescope/";

    private final Path kit;

    /** @param kit the kit's root, where the modules are */
    public GradescopeAutograder(Path kit) {
        this.kit = kit;
    }

    /** Writes {@code dir/autograder.zip}; {@code dir} must be new or empty. Returns what went in. */
    public List<Part> write(Path dir) throws IOException {
        StudentExport.refuseUnlessEmpty(dir, "gradescope-zip writes the autograder into a new or empty folder");
        Files.createDirectories(dir);
        Path zip = dir.resolve(ZIP);
        List<Part> parts = new ArrayList<>();
        URI uri = URI.create("jar:" + zip.toUri());
        try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
            Path root = fs.getPath("/");
            parts.add(script(root, "setup.sh", "installs the JDK, Maven, bubblewrap and jq; builds the kit once"));
            parts.add(script(root, "run_autograder", "grades /autograder/submission into results/results.json"));
            parts.add(text(root, "pom.xml", StudentExport.parentPom(kit, List.of("exercises", "solutions")),
                    "the build, without the solutions and the stubs"));
            StudentExport.copyFile(kit.resolve("fearless"), root.resolve("fearless"));
            executable(root.resolve("fearless"));
            parts.add(new Part("fearless", 1, "the command line run_autograder calls"));
            parts.add(StudentExport.module(root, "api", kit, path -> true, "the interfaces submissions implement"));
            parts.add(StudentExport.module(root, "child", kit, path -> true, "the grader's side of the checks' JVM"));
            parts.add(StudentExport.module(root, "grader", kit, path -> !path.startsWith(StudentExport.SCAFFOLD),
                    "the engine and every check, hidden ones included"));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(zip);
            throw e;
        }
        return parts;
    }

    /** The lines {@code gradescope-zip} prints. */
    public static String render(Path zip, List<Part> parts) {
        int width = parts.stream().mapToInt(p -> p.path().length()).max().orElse(10);
        StringBuilder out = new StringBuilder("wrote the Gradescope autograder ").append(zip).append('\n');
        for (Part part : parts) {
            String count = part.path().endsWith("/") ? part.files() + (part.files() == 1 ? " file" : " files") : "";
            out.append(String.format(Locale.ROOT, "  %-" + width + "s  %9s  %s%n", part.path(), count, part.what()));
        }
        return out.append("left out: solutions/, exercises/, the scaffold's templates, the calibration mutants, the attack"
                + " fixtures, the project's tests\n"
                + "upload it as the assignment's autograder (Configure Autograder, Zip file upload)\n").toString();
    }

    private static Part script(Path root, String name, String what) throws IOException {
        Part part = text(root, name, template(name), what);
        executable(root.resolve(name));
        return part;
    }

    private static Part text(Path root, String name, String text, String what) throws IOException {
        Files.writeString(root.resolve(name), text);
        return new Part(name, 1, what);
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String template(String name) {
        try (InputStream in = GradescopeAutograder.class.getResourceAsStream(TEMPLATES + name)) {
            if (in == null) {
                throw new IllegalStateException("Gradescope template missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
