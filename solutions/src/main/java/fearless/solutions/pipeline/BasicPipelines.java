package fearless.solutions.pipeline;

import fearless.api.channel.ChannelProvider;
import fearless.api.channel.Pipeline;
import fearless.api.channel.PipelineProvider;
import fearless.api.thread.Threads;

/** The provider of the pipeline: it passes the threads and channels it is given on. */
public final class BasicPipelines implements PipelineProvider {

    @Override
    public Pipeline pipeline(Threads threads, ChannelProvider channels) {
        return new ThreeStagePipeline(threads, channels);
    }
}
