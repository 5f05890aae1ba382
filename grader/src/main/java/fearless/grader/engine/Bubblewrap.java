package fearless.grader.engine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs each child JVM under bubblewrap: no network, its own PID namespace (so nothing it starts
 * outlives it), a session of its own, a read-only view of only the system's
 * libraries, the JDK, the grader's class path and the compiled submission, a private {@code /tmp},
 * and a cleared environment.
 */
final class Bubblewrap implements Sandbox {

    private static final String EXECUTABLE = "bwrap";

    /** Folders the sandbox makes private, which no read-only bind may cover. */
    private static final List<String> PRIVATE = List.of("/", "/tmp", "/proc", "/dev");

    private static volatile Optional<Bubblewrap> probed;
    private static volatile String whyNot = "not tried";

    private Bubblewrap() {
    }

    /** The sandbox, if {@code bwrap} is installed and may create namespaces here (tried once per run). */
    static synchronized Optional<Bubblewrap> probe() {
        if (probed == null) {
            probed = tryIt();
        }
        return probed;
    }

    static String whyNot() {
        return whyNot;
    }

    private static Optional<Bubblewrap> tryIt() {
        try {
            Process p = new ProcessBuilder(EXECUTABLE, "--unshare-all", "--die-with-parent", "--ro-bind", "/", "/",
                    "--proc", "/proc", "--dev", "/dev", "true").redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                whyNot = "bwrap did not answer";
                return Optional.empty();
            }
            String said = new String(p.getInputStream().readNBytes(2_000)).strip();
            if (p.exitValue() != 0) {
                whyNot = "bwrap refused: " + said;
                return Optional.empty();
            }
            return Optional.of(new Bubblewrap());
        } catch (IOException e) {
            whyNot = "no bwrap on the PATH";
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            whyNot = "interrupted";
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return "bwrap";
    }

    @Override
    public Path tmp(Path runDir) {
        return Path.of("/tmp");
    }

    @Override
    public ProcessBuilder builder(List<String> command, ChildMounts mounts) {
        List<String> args = new ArrayList<>(List.of(EXECUTABLE, "--unshare-all", "--die-with-parent", "--new-session",
                "--clearenv", "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "LANG", "C.UTF-8",
                "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--ro-bind", "/usr", "/usr"));
        for (String system : List.of("/lib", "/lib64", "/lib32", "/bin")) {
            args.addAll(List.of("--ro-bind-try", system, system));
        }
        // Debian's JDKs keep their configuration under /etc/java-NN-openjdk, linked from the JDK.
        for (Path etc : javaConfigurations()) {
            args.addAll(List.of("--ro-bind", etc.toString(), etc.toString()));
        }
        Path jdk = Path.of(command.get(0)).toAbsolutePath().getParent().getParent();
        args.addAll(List.of("--ro-bind-try", jdk.toString(), jdk.toString()));
        for (Path path : mounts.readOnly()) {
            // A class path entry that is a folder the child needs writable (/tmp) or whole (/) is
            // not laid over it; what the child needs from it is bound on its own anyway.
            if (!PRIVATE.contains(path.toString())) {
                args.addAll(List.of("--ro-bind", path.toString(), path.toString()));
            }
        }
        args.addAll(List.of("--ro-bind", mounts.classes().toString(), mounts.classes().toString(),
                "--bind", mounts.channel().toString(), mounts.channel().toString(), "--chdir", "/tmp", "--"));
        args.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(args).directory(mounts.channel().toFile());
        CLEAN_ENVIRONMENT.accept(builder);
        return builder;
    }

    private static List<Path> javaConfigurations() {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> etc = Files.newDirectoryStream(Path.of("/etc"), "java-*")) {
            etc.forEach(found::add);
        } catch (IOException | RuntimeException none) {
            // No such folders: a JDK that keeps its configuration inside itself.
        }
        return found;
    }
}
