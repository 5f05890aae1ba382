package fearless.exercises.pipeline;

import fearless.api.channel.ChannelProvider;
import fearless.api.channel.Pipeline;
import fearless.api.channel.PipelineProvider;
import fearless.api.thread.Threads;

/** The provider of the pipeline: nothing to do here, it passes the threads and channels on. */
public final class BasicPipelines implements PipelineProvider {

    @Override
    public Pipeline pipeline(Threads threads, ChannelProvider channels) {
        return new ThreeStagePipeline(threads, channels);
    }
}
