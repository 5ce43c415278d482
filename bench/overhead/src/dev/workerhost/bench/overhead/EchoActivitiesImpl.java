package dev.workerhost.bench.overhead;

public final class EchoActivitiesImpl implements EchoActivities {

    @Override
    public String echo(String input) {
        return input;
    }
}
