package fearless.grader.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The untrusted side: runs the checks it is told to run, next to the student's code, and streams
 * one event per check to the parent over a Unix-domain socket. The token and the list of checks
 * come on stdin, read before any student class is loaded; what the child prints on stdout is
 * never read as a result.
 */
public final class ChildMain {

    private ChildMain() {
    }

    /** @param args the socket's path */
    public static void main(String[] args) throws IOException {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String token = stdin.readLine();
        List<String> checks = new ArrayList<>();
        for (String line = stdin.readLine(); line != null && !line.isEmpty(); line = stdin.readLine()) {
            checks.add(line);
        }
        SocketChannel socket = SocketChannel.open(StandardProtocolFamily.UNIX);
        socket.connect(UnixDomainSocketAddress.of(args[0]));
        OutputStream raw = Channels.newOutputStream(socket);
        EventSink sink = new EventSink(new PrintStream(raw, false, StandardCharsets.UTF_8));
        sink.hello(token);
        Watchdog.start(Limits.MAX_THREADS, reason -> sink.send(Event.abort(reason)));
        sink.send(Event.runtime(System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version")));

        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .configurationParameter("junit.jupiter.execution.timeout.default", Limits.CHECK_TIMEOUT_SECONDS + " s")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false");
        checks.forEach(id -> request.selectors(selectUniqueId(id)));
        LauncherDiscoveryRequest built = request.build();
        LauncherFactory.create().execute(built, new Reporter(sink));
        sink.send(Event.done());
        // Student threads may still run, and student shutdown hooks may be registered: neither
        // gets a say in how this JVM ends.
        Runtime.getRuntime().halt(0);
    }

    /** Writes events as JSON lines; one writer at a time. */
    static final class EventSink {
        private final ObjectMapper json = new ObjectMapper();
        private final PrintStream out;

        EventSink(PrintStream out) {
            this.out = out;
        }

        synchronized void hello(String token) {
            out.println(token);
            out.flush();
        }

        synchronized void send(Event event) {
            try {
                out.println(json.writeValueAsString(event));
                out.flush();
            } catch (IOException e) {
                Runtime.getRuntime().halt(3);
            }
        }
    }

    /** Listens to the JUnit Platform and reports each check's start and verdict. */
    private static final class Reporter implements TestExecutionListener {
        private final EventSink sink;
        private final Map<String, Long> startedAt = new ConcurrentHashMap<>();

        Reporter(EventSink sink) {
            this.sink = sink;
        }

        @Override
        public void executionStarted(TestIdentifier test) {
            if (test.isTest()) {
                startedAt.put(test.getUniqueId(), System.nanoTime());
                sink.send(Event.started(test.getUniqueId()));
            }
        }

        @Override
        public void executionSkipped(TestIdentifier test, String reason) {
            if (test.isTest()) {
                sink.send(Event.finished(test.getUniqueId(), "skipped", reason, 0));
            }
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (!test.isTest()) {
                if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                    // A container failed (e.g. a check class could not be set up): its checks
                    // never started, and the parent charges them with this reason.
                    sink.send(Event.finished(test.getUniqueId(), "container-failed",
                            result.getThrowable().map(Feedback::describe).orElse("set-up failed"), 0));
                }
                return;
            }
            long ms = (System.nanoTime() - startedAt.getOrDefault(test.getUniqueId(), System.nanoTime())) / 1_000_000;
            String status = switch (result.getStatus()) {
                case SUCCESSFUL -> "passed";
                case ABORTED -> "skipped";
                case FAILED -> result.getThrowable().map(Feedback::status).orElseThrow().id();
            };
            String detail = result.getThrowable().map(Feedback::describe).orElse("");
            sink.send(Event.finished(test.getUniqueId(), status, detail, ms));
        }
    }
}
