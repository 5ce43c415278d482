package dev.workerhost.testkit.bridge;

import java.util.List;

/** What the host side offers: a plugin run as the host runs it, replays of recorded histories, a Temporal server. */
public interface HostSide {

    /**
     * Installs the plugin with the host's rules, starts it on a Temporal test server and lets the host's workers
     * serve it.
     *
     * @throws dev.workerhost.testkit.PluginRefusedException with the host's message if the host would refuse it
     */
    RunningHost start(PluginSetup setup);

    /**
     * Registers the plugin as the host does offline and replays each history (a name for messages, and Temporal's
     * JSON) on the workers that would run it.
     *
     * @throws dev.workerhost.testkit.ReplayFailedException naming each history that no longer replays, and why
     */
    void replay(PluginSetup setup, List<RecordedHistory> histories);

    /** A Temporal test server on 127.0.0.1:{@code port}, in real time, until closed. */
    RunningServer startServer(int port);
}
