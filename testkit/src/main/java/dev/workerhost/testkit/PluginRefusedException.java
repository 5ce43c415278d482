package dev.workerhost.testkit;

/**
 * The host would refuse the plugin under test: it cannot be loaded, its configuration or {@code register} fails,
 * it claims a name another plugin claims, or its {@code start} fails. The message is the host's own.
 */
public final class PluginRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PluginRefusedException(String hostMessage) {
        super(hostMessage);
    }
}
