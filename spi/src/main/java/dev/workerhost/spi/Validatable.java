package dev.workerhost.spi;

/**
 * A workflow input that can check itself. The host calls {@link #validate()} before it starts a workflow, so a bad
 * input is refused before it reaches Temporal; workflows call {@link Validation#validateInWorkflow} again, since
 * plain Temporal clients can start them too.
 */
public interface Validatable {

    /** @throws ValidationError naming the first field that is wrong and how to fix it */
    void validate();
}
