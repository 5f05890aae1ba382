package fearless.api.channel;

import fearless.api.thread.Threads;

/**
 * How the grader obtains a submission's {@link Pipeline}. Register the implementation in
 * {@code META-INF/services/fearless.api.channel.PipelineProvider}.
 */
public interface PipelineProvider {

    /**
     * The pipeline, spawning its stages through {@code threads} and connecting them with channels
     * made by {@code channels}. The grader passes the kit's own working {@link Threads} and
     * channels, so this exercise is graded on its own even while {@code spawn} or {@code channel}
     * is unfinished, and so it sees every thread and every channel end the pipeline uses.
     */
    Pipeline pipeline(Threads threads, ChannelProvider channels);
}
