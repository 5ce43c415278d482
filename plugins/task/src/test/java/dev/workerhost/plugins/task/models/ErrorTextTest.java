package dev.workerhost.plugins.task.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorTextTest {

    @Test
    void controlCharactersBecomeSpacesSoTheReasonIsOneStorableLine() {
        assertThat(ErrorText.oneLine("a\u0000b\r\nc\td\u2028e\u007f", 100)).isEqualTo("a b  c d e ");
    }

    @Test
    void aLongReasonIsCutAndMarked() {
        String cut = ErrorText.oneLine("x".repeat(70_000), 200);

        assertThat(cut).hasSize(200).endsWith("x...");
        assertThat(ErrorText.oneLine("short", 200)).isEqualTo("short");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDE00";

        assertThat(ErrorText.oneLine("ab" + emoji + emoji + "c", 6)).isEqualTo("ab...");
    }

    @Test
    void aQuotedValueIsAShortExcerpt() {
        assertThat(ErrorText.quote("root:$6$secret-hash-that-goes-on-and-on-and-on:19000:0:99999:7:::"))
                .isEqualTo("\"root:$6$secret-hash-that-goes-on-and-...\"");
    }
}
