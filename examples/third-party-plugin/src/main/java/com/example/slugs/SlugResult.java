package com.example.slugs;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The slug, and the Guava jar that made it (the plugin's own). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SlugResult(String slug, String guavaJar) {
}
