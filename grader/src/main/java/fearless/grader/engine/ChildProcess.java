package fearless.grader.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import fearless.child.wire.Event;
import fearless.child.wire.Signature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM running checks, seen from the trusted parent. Results arrive only over a
 * Unix-domain socket in a folder only this user can open, from a peer that first proves it holds
 * the one-time token the parent wrote to the child's stdin, each line tagged with a key handed
 * over the same way. The child's stdout and stderr are
 * drained into capped buffers and never parsed.
 */
final class ChildProcess implements AutoCloseable {

    /** The synthetic event that says the channel closed: the child ended, normally or not. */
    static final String CLOSED = "closed";

    /**
     * The synthetic event that says a line on the channel did not carry a valid tag: something in
     * the child other than the grader wrote on it. Nothing after it is read.
     */
    static final String TAMPERED = "tampered";

    private final Process process;
    private final Path classes;
    private final OutputStream stdin;
    private final Path socketDir;
    private final ServerSocketChannel server;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final OutputTail stdout = new OutputTail(Limits.OUTPUT_TAIL_BYTES);
    private final OutputTail stderr = new OutputTail(Limits.OUTPUT_TAIL_BYTES);

    private ChildProcess(ChildSpec spec, Sandbox sandbox, Path runDir) throws IOException {
        socketDir = Files.createTempDirectory("fearless-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path socketPath = socketDir.resolve("events.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socketPath));
        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        byte[] key = new byte[32];
        random.nextBytes(key);

        // The child's own, still empty, class folder: the scanned classes are copied in only when
        // checks are assigned, and the child loads none of them before.
        classes = Files.createDirectories(runDir.resolve("classes"));
        Path tmp = sandbox.tmp(runDir);
        Files.createDirectories(runDir.resolve("tmp"));
        List<String> command = new ArrayList<>(spec.command(classes, tmp));
        command.add(socketPath.toString());
        process = sandbox.builder(command, new Sandbox.ChildMounts(spec.classPath(), classes, socketDir,
                runDir.resolve("tmp"))).start();
        daemon("fearless-stdout", () -> stdout.drain(process.getInputStream()));
        daemon("fearless-stderr", () -> stderr.drain(process.getErrorStream()));
        daemon("fearless-events", () -> receive(token, new Signature(key)));
        process.onExit().thenRun(this::closeServer);
        stdin = process.getOutputStream();
        tell(token + '\n' + HexFormat.of().formatHex(key) + '\n', false);
    }

    /**
     * Starts a child in {@code sandbox}, with {@code runDir} (a fresh folder) for its copy of the
     * submission. It starts its JVM and the grader's side, then waits for {@link #assign}: a child
     * started early is warm by the time its checks are known.
     */
    static ChildProcess start(ChildSpec spec, Sandbox sandbox, Path runDir) {
        try {
            return new ChildProcess(spec, sandbox, runDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the child JVM", e);
        }
    }

    /** Gives the child its copy of the scanned submission, then the checks to run (JUnit unique ids), in order. */
    void assign(ClassImage image, List<String> checks) {
        // A fresh copy for every child: what one child writes is never run by another. The folder
        // existed while the previous child ran (ended now): anything planted in it meanwhile goes.
        FileTrees.empty(classes);
        image.writeTo(classes);
        StringBuilder list = new StringBuilder();
        checks.forEach(id -> list.append(id).append('\n'));
        tell(list.append('\n').toString(), true);
    }

    /** Whether the process still runs: a child started early may have died waiting. */
    boolean isAlive() {
        return process.isAlive();
    }

    private void tell(String text, boolean last) {
        try {
            stdin.write(text.getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            if (last) {
                stdin.close();
            }
        } catch (IOException childAlreadyGone) {
            // It ended before reading its stdin; the closed channel tells the rest.
        }
    }

    /**
     * Threads alive in the child and in every process it started, counted by the operating
     * system: nothing in the child can hide a thread from this count or stop it.
     */
    int threads() {
        int[] total = {count(process.toHandle())};
        process.descendants().forEach(p -> total[0] += count(p));
        return total[0];
    }

    private static int count(ProcessHandle process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("Threads:")) {
                    return Integer.parseInt(line.substring("Threads:".length()).strip());
                }
            }
        } catch (IOException | RuntimeException gone) {
            // Ended already, or no /proc here: nothing to count.
        }
        return 0;
    }

    /** The next event, or empty if none came within {@code timeout}. */
    Optional<Event> next(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** The exit code once the process ended (waits briefly), or -1 if it is still running. */
    int exitCode() throws InterruptedException {
        return process.waitFor(2, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    /** The last lines the child printed, for a crash report. */
    String outputTail() {
        String out = stdout.text().strip();
        String err = stderr.text().strip();
        if (out.isEmpty() && err.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        if (!err.isEmpty()) {
            text.append("stderr (last lines):\n").append(lastLines(err, 15));
        }
        if (!out.isEmpty()) {
            text.append(text.length() > 0 ? "\n" : "").append("stdout (last lines):\n").append(lastLines(out, 10));
        }
        return text.toString();
    }

    private static String lastLines(String text, int n) {
        String[] lines = text.split("\n");
        int from = Math.max(0, lines.length - n);
        return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
    }

    /**
     * Ends the child and everything it started, now, and waits for the child. In the bubblewrap
     * sandbox the child's end takes down its PID namespace, and with it every process started in it.
     */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
        closeServer();
        try {
            stdin.close(); // still open if the child was never assigned
            Files.deleteIfExists(socketDir.resolve("events.sock"));
            Files.deleteIfExists(socketDir);
        } catch (IOException ignored) {
            // A temp folder left behind is harmless.
        }
    }

    private void receive(String token, Signature signature) {
        ObjectMapper json = new ObjectMapper();
        try (SocketChannel peer = server.accept();
             BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(peer),
                     StandardCharsets.UTF_8))) {
            server.close(); // one peer only
            String hello = in.readLine();
            if (hello == null || !MessageDigest.isEqual(hello.getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8))) {
                return;
            }
            long received = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int space = line.indexOf(' ');
                String text = space < 0 ? "" : line.substring(space + 1);
                if (space < 0 || !MessageDigest.isEqual(line.substring(0, space).getBytes(StandardCharsets.UTF_8),
                        signature.tag(++received, text).getBytes(StandardCharsets.UTF_8))) {
                    events.add(new Event(TAMPERED, null, null, null, 0));
                    return;
                }
                events.add(json.readValue(text, Event.class));
            }
        } catch (IOException | RuntimeException e) {
            // A broken or hostile channel ends like a closed one.
        } finally {
            events.add(new Event(CLOSED, null, null, null, 0));
        }
    }

    private void closeServer() {
        try {
            server.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Keeps the last bytes of a stream and discards the rest, so a flood costs nothing. */
    static final class OutputTail {
        private final byte[] ring;
        private long written;

        OutputTail(int capacity) {
            ring = new byte[capacity];
        }

        void drain(InputStream in) {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    append(buffer, n);
                }
            } catch (IOException ignored) {
                // The process ended.
            }
        }

        private synchronized void append(byte[] buffer, int n) {
            for (int i = 0; i < n; i++) {
                ring[(int) (written++ % ring.length)] = buffer[i];
            }
        }

        synchronized String text() {
            int size = (int) Math.min(written, ring.length);
            byte[] out = new byte[size];
            long start = written - size;
            for (int i = 0; i < size; i++) {
                out[i] = ring[(int) ((start + i) % ring.length)];
            }
            String text = new String(out, StandardCharsets.UTF_8);
            return written > ring.length ? "[... " + (written - ring.length) + " earlier bytes dropped]\n" + text : text;
        }
    }
}
