package dev.workerhost.plugins.task.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImportProgressTest {

    @Test
    void theSummaryListsTheFirstTenErrorsThenCountsTheRest() {
        ImportProgress progress = ImportProgress.NONE.withSuccess();
        for (int line = 3; line < 3 + 13; line++) {
            progress = progress.withFailure(line, "bad\nrow " + line);
        }

        assertThat(progress.processedRecords()).isEqualTo(14);
        assertThat(progress.successfulRecords()).isEqualTo(1);
        assertThat(progress.failedRecords()).isEqualTo(13);
        assertThat(progress.errorSummary().split("\n")).hasSize(11)
                .startsWith("Line 3: bad row 3", "Line 4: bad row 4")
                .endsWith("Line 12: bad row 12", "(and 3 more errors...)");
    }

    @Test
    void noSummaryWithoutErrorsAndNoTailWithTenOrFewer() {
        assertThat(ImportProgress.NONE.withSuccess().errorSummary()).isNull();
        assertThat(ImportProgress.NONE.withFailure(2, "x").errorSummary()).isEqualTo("Line 2: x");
    }
}
