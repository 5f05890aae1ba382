import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The graded checks run bare: in this one JVM, with the reference solutions on the class path, no
 * compile, no scan, no child JVM, no sandbox. What isolation costs is the grade's time over this.
 * Run by bench/isolation.sh.
 */
public final class BareRun {
    public static void main(String[] args) {
        long start = System.nanoTime();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(args.length > 0 ? args[0] : "fearless.grader.checks"))
                .configurationParameter("junit.jupiter.execution.timeout.default", "10 s")
                .build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        System.out.printf("bare: %d checks, %d failed, %.2f s%n", summary.getTestsFoundCount(),
                summary.getTotalFailureCount(), (System.nanoTime() - start) / 1e9);
    }
}
