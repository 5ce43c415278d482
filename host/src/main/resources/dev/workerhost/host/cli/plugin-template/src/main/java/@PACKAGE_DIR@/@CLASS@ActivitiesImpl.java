package @PACKAGE@;

import io.micrometer.core.instrument.Counter;

public class @CLASS@ActivitiesImpl implements @CLASS@Activities {

    private final String salutation;
    private final Counter greetings;

    public @CLASS@ActivitiesImpl(String salutation, Counter greetings) {
        this.salutation = salutation;
        this.greetings = greetings;
    }

    @Override
    public String greet(String name) {
        greetings.increment();
        return salutation + ", " + name + "!";
    }
}
