package fearless.grader.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * the one-time token the parent wrote to the child's stdin. The child's stdout and stderr are
 * drained into capped buffers and never parsed.
 */
final class ChildProcess implements AutoCloseable {

    /** The synthetic event that says the channel closed: the child ended, normally or not. */
    static final String CLOSED = "closed";

    private final Process process;
    private final Path socketDir;
    private final ServerSocketChannel server;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final OutputTail stdout = new OutputTail(Limits.OUTPUT_TAIL_BYTES);
    private final OutputTail stderr = new OutputTail(Limits.OUTPUT_TAIL_BYTES);

    private ChildProcess(ChildSpec spec, List<String> checks) throws IOException {
        socketDir = Files.createTempDirectory("fearless-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path socketPath = socketDir.resolve("events.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socketPath));
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);

        List<String> command = new ArrayList<>(spec.command());
        command.add(socketPath.toString());
        process = new ProcessBuilder(command).directory(spec.workDir().toFile()).start();
        daemon("fearless-stdout", () -> stdout.drain(process.getInputStream()));
        daemon("fearless-stderr", () -> stderr.drain(process.getErrorStream()));
        daemon("fearless-events", () -> receive(token));
        process.onExit().thenRun(this::closeServer);
        try (OutputStream stdin = process.getOutputStream()) {
            StringBuilder handshake = new StringBuilder(token).append('\n');
            checks.forEach(id -> handshake.append(id).append('\n'));
            stdin.write(handshake.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException childAlreadyGone) {
            // It ended before reading its stdin; the closed channel tells the rest.
        }
    }

    /** Starts a child that will run {@code checks} (JUnit unique ids), in that order. */
    static ChildProcess start(ChildSpec spec, List<String> checks) {
        try {
            return new ChildProcess(spec, checks);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the child JVM", e);
        }
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

    /** Ends the child and everything it started, now. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public void close() {
        kill();
        closeServer();
        try {
            Files.deleteIfExists(socketDir.resolve("events.sock"));
            Files.deleteIfExists(socketDir);
        } catch (IOException ignored) {
            // A temp folder left behind is harmless.
        }
    }

    private void receive(String token) {
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
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                events.add(json.readValue(line, Event.class));
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

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
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
