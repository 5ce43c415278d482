package dev.workerhost.testkit;

/** Where a workflow execution stands, as Temporal reports it. */
public enum WorkflowStatus {
    RUNNING, COMPLETED, FAILED, CANCELED, TERMINATED, CONTINUED_AS_NEW, TIMED_OUT
}
