package dev.workerhost.bench.overhead;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** The trivial workflow of the overhead scenario: one activity call, its result returned. */
@WorkflowInterface
public interface EchoWorkflow {

    @WorkflowMethod
    String echo(String input);
}
