package com.example.slugs;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.workerhost.spi.Validatable;
import dev.workerhost.spi.Validation;

/** {"title": "..."}: checked by the host before the workflow starts, and by the workflow again. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SlugInput(String title) implements Validatable {

    @Override
    public void validate() {
        Validation.requireText(title, "title");
    }
}
