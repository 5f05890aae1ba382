package fearless.grader.notes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process run to its end or to a time limit, whichever comes first, its output kept up to a
 * bound: a snippet that loops, prints without end or hangs costs its limit and nothing more.
 *
 * @param exit     the exit code (meaningless when {@code timedOut})
 * @param out      standard output (with standard error in it when they were merged)
 * @param err      standard error, empty when merged
 * @param timedOut whether the limit ended it
 */
record TimedProcess(int exit, String out, String err, boolean timedOut) {

    /** What is kept of each stream: enough for any diagnostic, not a disk filled by a loop. */
    static final int KEPT_BYTES = 64 * 1024;

    /**
     * Runs {@code command} in {@code dir} with standard input empty, the environment changed by
     * {@code env} (a null value removes the variable), standard error merged into the output when
     * {@code merged} (so the two keep their order), killed with its children at {@code limit}.
     */
    static TimedProcess run(List<String> command, Path dir, Map<String, String> env, boolean merged, Duration limit)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(merged);
        env.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Process process = builder.start();
        process.getOutputStream().close();
        Drain out = Drain.start(process.getInputStream());
        Drain err = merged ? null : Drain.start(process.getErrorStream());
        boolean finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
        }
        return new TimedProcess(finished ? process.exitValue() : -1, out.text(), err == null ? "" : err.text(), !finished);
    }

    /** Reads a stream to its end on its own thread, keeping the first {@link #KEPT_BYTES}. */
    private static final class Drain implements Runnable {

        private final InputStream in;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final Thread thread;
        private boolean cut;

        private Drain(InputStream in) {
            this.in = in;
            this.thread = new Thread(this, "snippet-output");
            thread.setDaemon(true);
        }

        static Drain start(InputStream in) {
            Drain drain = new Drain(in);
            drain.thread.start();
            return drain;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    synchronized (this) {
                        int room = KEPT_BYTES - kept.size();
                        kept.write(buffer, 0, Math.min(room, n));
                        cut |= n > room;
                    }
                }
            } catch (IOException e) {
                // the process was killed and its pipe closed under the read: what was read stands
            }
        }

        String text() throws InterruptedException {
            // A grandchild the kill missed could keep the pipe open: what arrived by then is enough.
            thread.join(Duration.ofSeconds(5).toMillis());
            synchronized (this) {
                return kept.toString(StandardCharsets.UTF_8) + (cut ? "\n[... cut after " + KEPT_BYTES + " bytes]" : "");
            }
        }
    }
}
