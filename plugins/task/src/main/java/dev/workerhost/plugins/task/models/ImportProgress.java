package dev.workerhost.plugins.task.models;

import java.util.ArrayList;
import java.util.List;

/**
 * The counters of an import and the first errors it met. It is committed with every chunk of rows, so a retry
 * carries on from exactly what is in the database: {@code processedRecords} records of the file are done.
 */
public record ImportProgress(
        long processedRecords, long successfulRecords, long failedRecords, List<String> firstErrors) {

    /** How many {@code Line N: reason} lines the error summary lists before it only counts the rest. */
    public static final int ERRORS_LISTED = 10;

    public static final ImportProgress NONE = new ImportProgress(0, 0, 0, List.of());

    public ImportProgress {
        firstErrors = List.copyOf(firstErrors);
    }

    public ImportProgress withSuccess() {
        return new ImportProgress(processedRecords + 1, successfulRecords + 1, failedRecords, firstErrors);
    }

    /** Counts a failed record; its reason is kept only while fewer than {@value #ERRORS_LISTED} are. */
    public ImportProgress withFailure(long line, String reason) {
        List<String> errors = firstErrors;
        if (errors.size() < ERRORS_LISTED) {
            errors = new ArrayList<>(firstErrors);
            // One error per line of the summary, whatever the reason quotes from the file.
            errors.add("Line " + line + ": " + ErrorText.oneLine(reason, ErrorText.REASON_CHARS));
        }
        return new ImportProgress(processedRecords + 1, successfulRecords, failedRecords + 1, errors);
    }

    /** The first errors, then {@code (and M more errors...)}; null when no record failed. */
    public String errorSummary() {
        if (failedRecords == 0) {
            return null;
        }
        StringBuilder summary = new StringBuilder(String.join("\n", firstErrors));
        long more = failedRecords - firstErrors.size();
        if (more > 0) {
            summary.append("\n(and ").append(more).append(" more errors...)");
        }
        return summary.toString();
    }
}
