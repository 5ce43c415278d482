package dev.workerhost.host.loading;

import java.util.ServiceConfigurationError;

/** Turns what goes wrong while loading a plugin into a cause that says what to fix. */
public final class LoadProblemExplainer {

    private LoadProblemExplainer() {
    }

    public static String explain(Throwable failure) {
        if (failure instanceof ServiceConfigurationError error) {
            return explainServiceError(error);
        }
        if (failure instanceof NoClassDefFoundError missing) {
            return "a class it needs is missing: " + missing.getMessage()
                    + " (is a dependency missing from the plugin's folder?)";
        }
        return describe(failure);
    }

    private static String explainServiceError(ServiceConfigurationError error) {
        Throwable cause = error.getCause();
        if (cause instanceof NoSuchMethodException) {
            return "the module needs a public no-argument constructor (" + error.getMessage() + ")";
        }
        if (cause instanceof ExceptionInInitializerError initializer) {
            return "the module's static initializer failed: " + describe(initializer.getCause());
        }
        if (cause instanceof NoClassDefFoundError missing) {
            return explain(missing);
        }
        if (cause != null && error.getMessage().contains("could not be instantiated")) {
            return "the module's constructor failed: " + describe(cause);
        }
        if (cause == null && error.getMessage().contains("not found")) {
            return "the service entry META-INF/services/dev.workerhost.spi.WorkflowModule names a class that is "
                    + "not in the plugin: " + error.getMessage();
        }
        return error.getMessage() + (cause == null ? "" : ": " + describe(cause));
    }

    /** The failure's type and message, e.g. {@code IllegalStateException: no queue}. */
    public static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown cause";
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
