package com.example.slugs;

import io.temporal.activity.ActivityInterface;

/** Activity types are global to a host: the prefix makes this one SlugSlugify, not a bare Slugify. */
@ActivityInterface(namePrefix = "Slug")
public interface SlugActivities {

    SlugResult slugify(String title);
}
