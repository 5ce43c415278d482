package dev.workerhost.bench.overhead;

import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public final class EchoWorkflowImpl implements EchoWorkflow {

    private final EchoActivities activities = Workflow.newActivityStub(EchoActivities.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());

    @Override
    public String echo(String input) {
        return activities.echo(input);
    }
}
