package fearless.child;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import com.fasterxml.jackson.databind.ObjectMapper;
import fearless.child.wire.Event;
import fearless.child.wire.Signature;
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
import java.util.function.Function;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The grader's side of a child JVM: runs the checks it is told to run, next to the student's code,
 * and streams one event per check to the parent over a Unix-domain socket. The token and the list
 * of checks come on stdin, read before any student class is loaded; what the child prints on
 * stdout is never read as a result. This class lives in a module that opens nothing: the
 * submission cannot reach the channel or the watchdog, even by reflection.
 *
 * <p>How a check's failure reads (its status and the text a student sees) is the checks' kit's
 * business: the class named by {@value #VERDICTS} turns a {@link Throwable} into
 * {@code {status, detail}}. It is created before any check runs, so it can fix the checks'
 * configuration first.
 */
public final class ChildMain {

    /** The system property naming the kit's {@code Function<Throwable, String[]>}. */
    public static final String VERDICTS = "fearless.child.verdicts";

    /** The system property holding the most threads the JVM may run. */
    public static final String MAX_THREADS = "fearless.child.maxThreads";

    /** The system property holding each check's time limit, in seconds. */
    public static final String CHECK_TIMEOUT = "fearless.child.checkTimeoutSeconds";

    /** The exit code when the watchdog ended the JVM. */
    public static final int WATCHDOG_EXIT = 86;

    private ChildMain() {
    }

    /** @param args the socket's path */
    public static void main(String[] args) throws IOException {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String token = stdin.readLine();
        byte[] key = java.util.HexFormat.of().parseHex(stdin.readLine());
        SocketChannel socket = SocketChannel.open(StandardProtocolFamily.UNIX);
        socket.connect(UnixDomainSocketAddress.of(args[0]));
        OutputStream raw = Channels.newOutputStream(socket);
        EventSink sink = new EventSink(new PrintStream(raw, false, StandardCharsets.UTF_8), new Signature(key));
        sink.hello(token);
        Function<Throwable, String[]> verdicts = verdicts();
        Watchdog.start(Integer.getInteger(MAX_THREADS, 1_000));
        sink.send(Event.runtime(System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version")));
        LauncherConfig config = LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .build();
        Launcher launcher = LauncherFactory.create(config);

        // The parent may start this JVM before it knows the checks (so that it is warm by then):
        // they come last, once the submission's classes are in place.
        List<String> checks = new ArrayList<>();
        for (String line = stdin.readLine(); line != null && !line.isEmpty(); line = stdin.readLine()) {
            checks.add(line);
        }

        // Only what is said here configures the run: no junit-platform.properties or junit.*
        // system property, and no listener or filter registered through META-INF/services.
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .enableImplicitConfigurationParameters(false)
                .configurationParameter("junit.jupiter.execution.timeout.default",
                        Integer.getInteger(CHECK_TIMEOUT, 10) + " s")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false");
        checks.forEach(id -> request.selectors(selectUniqueId(id)));
        launcher.execute(request.build(), new Reporter(sink, verdicts));
        sink.send(Event.done());
        // Student threads may still run, and student shutdown hooks may be registered: neither
        // gets a say in how this JVM ends.
        Runtime.getRuntime().halt(0);
    }

    /** The kit's verdicts, created now: before any check, and so before any submission class loads. */
    @SuppressWarnings("unchecked")
    private static Function<Throwable, String[]> verdicts() {
        try {
            return (Function<Throwable, String[]>) Class.forName(System.getProperty(VERDICTS), true,
                    ClassLoader.getSystemClassLoader()).getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("no verdicts class (" + VERDICTS + "): " + e, e);
        }
    }

    /** Writes events as signed JSON lines ({@code tag json}); one writer at a time. */
    static final class EventSink {
        private final ObjectMapper json = new ObjectMapper();
        private final PrintStream out;
        private final Signature signature;
        private long sent;

        EventSink(PrintStream out, Signature signature) {
            this.out = out;
            this.signature = signature;
        }

        synchronized void hello(String token) {
            out.println(token);
            out.flush();
        }

        synchronized void send(Event event) {
            try {
                String line = json.writeValueAsString(event);
                out.println(signature.tag(++sent, line) + " " + line);
                out.flush();
            } catch (IOException e) {
                Runtime.getRuntime().halt(3);
            }
        }
    }

    /** Listens to the JUnit Platform and reports each check's start and verdict. */
    private static final class Reporter implements TestExecutionListener {
        private final EventSink sink;
        private final Function<Throwable, String[]> verdicts;
        private final Map<String, Long> startedAt = new ConcurrentHashMap<>();

        Reporter(EventSink sink, Function<Throwable, String[]> verdicts) {
            this.sink = sink;
            this.verdicts = verdicts;
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
                            result.getThrowable().map(t -> verdicts.apply(t)[1]).orElse("set-up failed"), 0));
                }
                return;
            }
            long ms = (System.nanoTime() - startedAt.getOrDefault(test.getUniqueId(), System.nanoTime())) / 1_000_000;
            String[] verdict = result.getThrowable().map(verdicts).orElse(new String[] {"failed", ""});
            String status = switch (result.getStatus()) {
                case SUCCESSFUL -> "passed";
                case ABORTED -> "skipped";
                case FAILED -> verdict[0];
            };
            String detail = result.getThrowable().isPresent() ? verdict[1] : "";
            sink.send(Event.finished(test.getUniqueId(), status, detail, ms));
        }
    }
}
