package @PACKAGE@;

import dev.workerhost.spi.Validation;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public class @CLASS@WorkflowImpl implements @CLASS@Workflow {

    private final @CLASS@Activities activities = Workflow.newActivityStub(@CLASS@Activities.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());

    @Override
    public @CLASS@Result run(@CLASS@Input input) {
        // Plain Temporal clients skip the host's check before the start, so the workflow checks again.
        Validation.validateInWorkflow(input);
        return new @CLASS@Result(activities.greet(input.name()));
    }
}
