package dev.workerhost.host.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.workerhost.host.loading.LoaderSwap;
import dev.workerhost.spi.Json;
import dev.workerhost.spi.Validatable;
import dev.workerhost.spi.Validation;
import dev.workerhost.spi.ValidationError;
import java.util.stream.Collectors;

/**
 * Workflow inputs before they are sent: JSON text parsed with {@link Json}'s strict configuration, the one the workers
 * decode with (so a misspelt field or a number where an id belongs is caught here rather than on a worker), and
 * checked by the input's own {@link Validatable#validate()}.
 */
public final class WorkflowInputs {

    private WorkflowInputs() {
    }

    /**
     * @return the input object, or null for a type without input
     * @throws ValidationError naming the unknown field, the field of the wrong type, or what else is wrong with the
     *     JSON; an absent or {@code null} input of a type that takes one is refused too
     */
    public static Object parse(WorkflowRegistration workflow, String json) {
        if (workflow.inputType().isEmpty()) {
            return null;
        }
        Class<?> inputType = workflow.inputType().get();
        if (json == null || json.isBlank()) {
            throw required(workflow);
        }
        try (LoaderSwap swap = LoaderSwap.to(workflow.pluginLoader())) {
            Object input = Json.readerFor(inputType)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readValue(json);
            if (input == null) {
                throw required(workflow);
            }
            return input;
        } catch (UnrecognizedPropertyException e) {
            throw new ValidationError("unknown field \"" + Validation.excerpt(e.getPropertyName())
                    + "\" in the input of " + workflow.workflowType(), "known fields: " + e.getKnownPropertyIds());
        } catch (MismatchedInputException e) {
            String field = e.getPath().stream().map(WorkflowInputs::pathElement).collect(Collectors.joining("."));
            throw new ValidationError((field.isEmpty() ? "the input of " + workflow.workflowType()
                    : "field \"" + field + "\" in the input of " + workflow.workflowType()) + " has the wrong type: "
                    + jacksonReason(e), "ids are JSON strings, numbers JSON integers in range; nothing is converted"
                    + " between the two (no quotes around a number, quotes around an id)");
        } catch (JsonProcessingException e) {
            throw new ValidationError("the input of " + workflow.workflowType() + " is not valid JSON for "
                    + inputType.getSimpleName() + ": " + jacksonReason(e),
                    "pass a JSON object with the fields of " + inputType.getSimpleName());
        }
    }

    /**
     * Runs the input's own check, with its plugin's loader as context like every other call into plugin code.
     *
     * @throws ValidationError if the input is invalid
     */
    public static void validate(WorkflowRegistration workflow, Object input) {
        if (input == null && workflow.inputType().isPresent()) {
            throw required(workflow);
        }
        if (!(input instanceof Validatable validatable)) {
            return;
        }
        try (LoaderSwap swap = LoaderSwap.to(workflow.pluginLoader())) {
            validatable.validate();
        }
    }

    private static ValidationError required(WorkflowRegistration workflow) {
        return new ValidationError("the input of " + workflow.workflowType() + " is required",
                "pass a JSON object with the fields of " + workflow.inputType().map(Class::getSimpleName).orElse("it")
                        + " (--input JSON or --input @FILE)");
    }

    /** Jackson's own words, without its advice on coercion configuration and never quoting a whole input. */
    private static String jacksonReason(JsonProcessingException e) {
        String reason = e.getOriginalMessage();
        int advice = reason.indexOf(" (but ");
        return Validation.excerpt(advice < 0 ? reason : reason.substring(0, advice));
    }

    private static String pathElement(JsonMappingException.Reference reference) {
        return reference.getFieldName() != null ? reference.getFieldName() : String.valueOf(reference.getIndex());
    }
}
