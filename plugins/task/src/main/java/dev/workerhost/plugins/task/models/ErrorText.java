package dev.workerhost.plugins.task.models;

/**
 * Makes reasons fit an error summary: one line, no control characters (a NUL cannot be stored in PostgreSQL, a line
 * break would split a {@code Line N:} entry), and a bounded length, so a summary always fits its column and quotes at
 * most a short excerpt of a file's content.
 */
public final class ErrorText {

    /** The longest reason one failed record contributes to the summary. */
    public static final int REASON_CHARS = 200;

    /** The longest excerpt of a value that a reason quotes. */
    public static final int VALUE_CHARS = 40;

    /** The longest reason for a whole task's failure. */
    public static final int TASK_REASON_CHARS = 1000;

    private static final String CUT = "...";

    private ErrorText() {
    }

    /** {@code text} on one line, control characters as spaces, cut to {@code maxChars} (marked by "..."). */
    public static String oneLine(String text, int maxChars) {
        String value = String.valueOf(text);
        boolean cut = value.length() > maxChars;
        StringBuilder line = new StringBuilder(Math.min(value.length(), maxChars));
        int end = cut ? maxChars - CUT.length() : value.length();
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                line.append(' ');
            } else if (Character.isHighSurrogate(c) && i == end - 1) {
                break;
            } else {
                line.append(c);
            }
        }
        return cut ? line.append(CUT).toString() : line.toString();
    }

    /** A value from a file as a reason quotes it: at most {@value #VALUE_CHARS} characters, in double quotes. */
    public static String quote(String value) {
        return '"' + oneLine(value, VALUE_CHARS) + '"';
    }
}
