package @PACKAGE@;

import io.temporal.activity.ActivityInterface;

/** Activity types are global to a host too: the prefix makes this one @CLASS@Greet. */
@ActivityInterface(namePrefix = "@CLASS@")
public interface @CLASS@Activities {

    String greet(String name);
}
