package fearless.exercises.pipeline;

import fearless.api.Unimplemented;
import fearless.api.channel.ChannelProvider;
import fearless.api.channel.Pipeline;
import fearless.api.channel.PipelineProvider;
import fearless.api.thread.Threads;

/** TODO(scaffold): the provider of the pipeline. */
public final class BasicPipelines implements PipelineProvider {

    @Override
    public Pipeline pipeline(Threads threads, ChannelProvider channels) {
        throw new Unimplemented("pipeline", "course-notes/08-message-passing.md");
    }
}
