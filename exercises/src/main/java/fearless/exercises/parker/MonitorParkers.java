package fearless.exercises.parker;

import fearless.api.thread.Parker;
import fearless.api.thread.ParkerProvider;

/** How the grader finds your {@link MonitorParker}. Nothing to do here. */
public final class MonitorParkers implements ParkerProvider {

    @Override
    public Parker parker() {
        return new MonitorParker();
    }
}
