package dev.workerhost.plugins.task.models;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.workerhost.plugins.domain.Scope;
import dev.workerhost.spi.Validatable;
import dev.workerhost.spi.Validation;

/** Which task to process, and the tenant and environment it must belong to. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TaskInput(String taskId, String tenantId, String environmentId) implements Validatable {

    @Override
    public void validate() {
        Validation.requireId(taskId, "task_id");
        Validation.requireId(tenantId, "tenant_id");
        Validation.requireId(environmentId, "environment_id");
    }

    public Scope scope() {
        return new Scope(tenantId, environmentId);
    }
}
