package dev.workerhost.host.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.workerhost.host.loading.LoaderSwap;
import dev.workerhost.spi.Json;
import dev.workerhost.spi.Validatable;
import dev.workerhost.spi.ValidationError;

/**
 * Workflow inputs before they are sent: JSON text parsed with {@link Json#mapper()}, the mapper the workers decode
 * with (so a field the type does not know is caught here rather than on a worker), and checked by the input's own
 * {@link Validatable#validate()}.
 */
public final class WorkflowInputs {

    private WorkflowInputs() {
    }

    /**
     * @return the input object, or null for a type without input or a blank/{@code null} text
     * @throws ValidationError naming the unknown field or what else is wrong with the JSON
     */
    public static Object parse(WorkflowRegistration workflow, String json) {
        if (workflow.inputType().isEmpty()) {
            return null;
        }
        Class<?> inputType = workflow.inputType().get();
        if (json == null || json.isBlank()) {
            return null;
        }
        try (LoaderSwap swap = LoaderSwap.to(workflow.pluginLoader())) {
            return Json.mapper().readValue(json, inputType);
        } catch (UnrecognizedPropertyException e) {
            throw new ValidationError("unknown field \"" + e.getPropertyName() + "\" in the input of "
                    + workflow.workflowType(), "known fields: " + e.getKnownPropertyIds());
        } catch (JsonProcessingException e) {
            throw new ValidationError("the input of " + workflow.workflowType() + " is not valid JSON for "
                    + inputType.getSimpleName() + ": " + e.getOriginalMessage(),
                    "pass a JSON object with the fields of " + inputType.getSimpleName());
        }
    }

    /**
     * Runs the input's own check, with its plugin's loader as context like every other call into plugin code.
     *
     * @throws ValidationError if the input is invalid
     */
    public static void validate(WorkflowRegistration workflow, Object input) {
        if (!(input instanceof Validatable validatable)) {
            return;
        }
        try (LoaderSwap swap = LoaderSwap.to(workflow.pluginLoader())) {
            validatable.validate();
        }
    }
}
