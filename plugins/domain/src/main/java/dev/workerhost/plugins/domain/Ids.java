package dev.workerhost.plugins.domain;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * Ids for rows the plugins create: a type prefix ({@code inv}, {@code li}, ...) and 26 characters that sort by
 * creation time (48 bits of milliseconds, 80 random bits, Crockford base 32), e.g. {@code inv_01JD3...}.
 */
public final class Ids {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newId(String prefix) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long millis = Instant.now().toEpochMilli();
        StringBuilder id = new StringBuilder(prefix.length() + 27).append(prefix).append('_');
        for (int shift = 45; shift >= 0; shift -= 5) {
            id.append(ALPHABET[(int) (millis >>> shift) & 31]);
        }
        long high = 0;
        for (int i = 0; i < 5; i++) {
            high = (high << 8) | (random[i] & 0xff);
        }
        long low = 0;
        for (int i = 5; i < 10; i++) {
            low = (low << 8) | (random[i] & 0xff);
        }
        for (int shift = 35; shift >= 0; shift -= 5) {
            id.append(ALPHABET[(int) (high >>> shift) & 31]);
        }
        for (int shift = 35; shift >= 0; shift -= 5) {
            id.append(ALPHABET[(int) (low >>> shift) & 31]);
        }
        return id.toString();
    }
}
