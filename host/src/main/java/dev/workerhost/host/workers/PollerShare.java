package dev.workerhost.host.workers;

/**
 * The poll threads of one task queue when the configuration leaves them to the host: the SDK's 5 workflow and 5
 * activity task pollers are meant for a process that serves one queue, and a host polls every queue of every plugin,
 * each poller a thread and a long poll. So the host shares {@value #POLL_THREADS} poll threads out among its queues:
 * the SDK's 5 + 5 while they fit (up to 10 queues), fewer beyond, never under 2 + 1 (two workflow pollers keep
 * the sticky queue and the normal one polled). 100 plugins poll with 300 threads instead of 1,000, which was most of
 * what they added to a start (bench/README.md, "Start-up").
 *
 * @param workflowTaskPollers pollers of workflow tasks
 * @param activityTaskPollers pollers of activity tasks
 */
record PollerShare(int workflowTaskPollers, int activityTaskPollers) {

    static final int POLL_THREADS = 100;
    private static final int SDK_PER_KIND = 5;

    /** @param queuesServed how many task queues the host polls */
    static PollerShare of(int queuesServed) {
        int perQueue = Math.max(3, POLL_THREADS / Math.max(1, queuesServed));
        int workflow = Math.min(SDK_PER_KIND, Math.max(2, (perQueue + 1) / 2));
        int activity = Math.min(SDK_PER_KIND, Math.max(1, perQueue - workflow));
        return new PollerShare(workflow, activity);
    }
}
