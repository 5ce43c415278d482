package com.example.slugs;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Workflow type SlugWorkflow. */
@WorkflowInterface
public interface SlugWorkflow {

    @WorkflowMethod
    SlugResult slugify(SlugInput input);
}
