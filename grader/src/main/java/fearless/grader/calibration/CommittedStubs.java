package fearless.grader.calibration;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The stubs as committed, the fixture that must score zero. {@code exercises/} is also the
 * student's workspace, so calibration takes its files from version control ({@code git archive
 * HEAD:exercises}) and a student's work there never breaks the kit's own checks. Where the kit is
 * not a git checkout, or git is missing, the working tree is all there is, and a warning says so.
 */
public final class CommittedStubs {

    private static final String TREE = "exercises";

    private CommittedStubs() {
    }

    /**
     * The committed stubs of the kit at {@code root}, written into the fresh folder {@code into}
     * (a folder holding {@code src/main/java}); or the working tree {@code root/exercises}, after a
     * line to {@code warnings}, when version control cannot give them.
     */
    public static Path copy(Path root, Path into, Consumer<String> warnings) {
        String problem;
        try {
            problem = extract(root, into);
        } catch (IOException e) {
            problem = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while taking the stubs from git", e);
        }
        if (problem == null) {
            return into;
        }
        warnings.accept("fearless: the committed stubs are unavailable (" + problem + "); grading the working tree "
                + root.resolve(TREE) + " as the stubs, which may hold a student's work");
        return root.resolve(TREE);
    }

    /** Unpacks {@code git archive}'s zip of the committed tree into {@code into}; the problem if there is one. */
    private static String extract(Path root, Path into) throws IOException, InterruptedException {
        if (!Files.exists(root.resolve(".git"))) {
            return root.toAbsolutePath().normalize() + " is not a git checkout";
        }
        Path said = Files.createTempFile("fearless-git-", ".txt");
        try {
            Process git;
            try {
                git = new ProcessBuilder("git", "-C", root.toString(), "archive", "--format=zip", "HEAD:./" + TREE)
                        .redirectError(said.toFile()).start();
            } catch (IOException missing) {
                return "git does not run: " + missing.getMessage();
            }
            String problem = unzip(git, into);
            String complaint = Files.readString(said).strip();
            return problem == null || complaint.isEmpty() ? problem : problem + ": " + complaint;
        } finally {
            Files.deleteIfExists(said);
        }
    }

    /** Unpacks what {@code git} writes into {@code into}; the problem if there is one. */
    private static String unzip(Process git, Path into) throws IOException, InterruptedException {
        git.getOutputStream().close();
        Path base = into.toAbsolutePath().normalize();
        Files.createDirectories(base);
        int files = 0;
        try (InputStream out = git.getInputStream(); ZipInputStream zip = new ZipInputStream(out)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target = base.resolve(entry.getName()).normalize();
                if (!target.startsWith(base)) {
                    return "git archive named a file outside its tree: " + entry.getName();
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                    files++;
                }
            }
            // The zip's directory comes after its last entry: read it too, or git may still be
            // writing it when the pipe closes, and end with a broken pipe.
            out.transferTo(OutputStream.nullOutputStream());
        }
        int status = git.waitFor();
        if (status != 0 || files == 0) {
            return "git archive HEAD:./" + TREE + " ended with status " + status + " after " + files + " files";
        }
        return null;
    }
}
