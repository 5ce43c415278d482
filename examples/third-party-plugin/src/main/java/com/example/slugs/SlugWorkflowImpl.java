package com.example.slugs;

import dev.workerhost.spi.Validation;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public class SlugWorkflowImpl implements SlugWorkflow {

    private final SlugActivities activities = Workflow.newActivityStub(SlugActivities.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

    @Override
    public SlugResult slugify(SlugInput input) {
        Validation.validateInWorkflow(input);
        return activities.slugify(input.title());
    }
}
