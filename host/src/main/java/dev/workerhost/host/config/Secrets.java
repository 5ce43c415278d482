package dev.workerhost.host.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which configuration values are secret, so that printing the configuration never shows one: keys named like a
 * password, token, secret, credential or key (API keys and private keys, {@code temporal.tls.key} among them), any
 * value holding a PEM private key, and the password parameter of a JDBC URL.
 */
public final class Secrets {

    public static final String REDACTED = "<redacted>";

    private static final Pattern SECRET_KEY =
            Pattern.compile("(^|.*[-_.])(password|passwd|secret|token|credentials?|key|api-?key|private-?key)$");
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

    private Secrets() {
    }

    /**
     * @param key the last element of the configuration path, e.g. {@code api-key}
     * @return the text to show for {@code value}: {@link #REDACTED} for a secret that is set, the value otherwise
     */
    public static String redact(String key, String value) {
        if (value.isEmpty()) {
            // an unset secret tells the operator something and reveals nothing
            return value;
        }
        if (SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).matches() || value.contains("PRIVATE KEY-----")) {
            return REDACTED;
        }
        return URL_PASSWORD.matcher(value).replaceAll("$1" + REDACTED);
    }
}
