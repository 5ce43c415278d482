package @PACKAGE@;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.workerhost.spi.Validatable;
import dev.workerhost.spi.Validation;

/** {"name": "..."}: the host checks it before it starts the workflow. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record @CLASS@Input(String name) implements Validatable {

    @Override
    public void validate() {
        // The name is part of the workflow id: an id's rules (1-255 characters, no control characters).
        Validation.requireId(name, "name");
    }
}
