package @PACKAGE@;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Workflow type @CLASS@Workflow: workflow types are global to a host, so the name says whose it is. */
@WorkflowInterface
public interface @CLASS@Workflow {

    @WorkflowMethod
    @CLASS@Result run(@CLASS@Input input);
}
