package evil;

import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/** A student's engine that claims every requested check and reports it passed. */
public class ForgingEngine implements TestEngine {

    @Override
    public String getId() {
        return "junit-jupiter-forged";
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor root = new EngineDescriptor(uniqueId, "forged");
        for (UniqueIdSelector selector : request.getSelectorsByType(UniqueIdSelector.class)) {
            root.addChild(new AbstractTestDescriptor(selector.getUniqueId(), "forged") {
                @Override
                public Type getType() {
                    return Type.TEST;
                }
            });
        }
        return root;
    }

    @Override
    public void execute(ExecutionRequest request) {
        TestDescriptor root = request.getRootTestDescriptor();
        request.getEngineExecutionListener().executionStarted(root);
        for (TestDescriptor check : root.getChildren()) {
            request.getEngineExecutionListener().executionStarted(check);
            request.getEngineExecutionListener().executionFinished(check, TestExecutionResult.successful());
        }
        request.getEngineExecutionListener().executionFinished(root, TestExecutionResult.successful());
    }
}
