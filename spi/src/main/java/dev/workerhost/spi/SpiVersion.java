package dev.workerhost.spi;

/** The version of this contract. It changes only when a change would break a plugin built against an older one. */
public final class SpiVersion {

    /**
     * The SPI version of this build. Compiled into every plugin that returns it from {@code spiVersion()}.
     *
     * <p>2: {@code Json.mapper()} removed (read and write with {@code Json.reader()}/{@code Json.writer()}),
     * {@link StartedWorkflow} awaits results, {@link ModuleContext#workflowClient()}, and
     * {@code TaskQueueRegistration.workflow} with {@code WorkflowImplementationOptions}. A plugin built against 1 may
     * call what is gone, so a host of SPI 2 refuses it. Additions within 2 (an older host of SPI 2 would lack
     * them, and no such host was released): {@link WorkflowDefaults#withVersioningBehavior} and
     * {@link WorkflowModule#UNVERSIONED}.
     */
    public static final int CURRENT = 2;

    private SpiVersion() {
    }
}
