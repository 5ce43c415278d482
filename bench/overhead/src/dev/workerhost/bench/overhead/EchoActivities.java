package dev.workerhost.bench.overhead;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

@ActivityInterface
public interface EchoActivities {

    @ActivityMethod(name = "BenchEcho")
    String echo(String input);
}
