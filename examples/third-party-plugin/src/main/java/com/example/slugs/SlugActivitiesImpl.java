package com.example.slugs;

import com.google.common.base.CharMatcher;
import com.google.common.base.Joiner;
import com.google.common.base.Splitter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

public class SlugActivitiesImpl implements SlugActivities {

    /**
     * CharMatcher.JAVA_LETTER_OR_DIGIT is Guava 19's API, gone from the Guava the host runs with (33): this line
     * fails with NoSuchFieldError unless the plugin is served its own Guava.
     */
    @SuppressWarnings("deprecation")
    private static final CharMatcher SEPARATOR = CharMatcher.JAVA_LETTER_OR_DIGIT.negate();

    private final int maxLength;

    public SlugActivitiesImpl(int maxLength) {
        this.maxLength = maxLength;
    }

    @Override
    public SlugResult slugify(String title) {
        List<String> words = new ArrayList<>();
        int length = -1;
        for (String word : Splitter.on(SEPARATOR).omitEmptyStrings().split(title.toLowerCase(Locale.ROOT))) {
            if (length + 1 + word.length() > maxLength) {
                break;
            }
            words.add(word);
            length += 1 + word.length();
        }
        return new SlugResult(Joiner.on('-').join(words), guavaJar());
    }

    /** The file the plugin's Guava came from: guava-19.0.jar in the plugin's folder. */
    private static String guavaJar() {
        try {
            return Path.of(CharMatcher.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getFileName().toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
