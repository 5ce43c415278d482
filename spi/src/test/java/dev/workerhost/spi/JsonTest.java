package dev.workerhost.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonTest {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Sample(String taskId, Instant completedAt) {
    }

    @Test
    void snakeCaseRecordsRoundTrip() throws Exception {
        Sample sample = new Sample("t1", Instant.parse("2026-01-02T03:04:05Z"));

        String json = Json.mapper().writeValueAsString(sample);

        assertThat(json).contains("\"task_id\":\"t1\"").contains("\"completed_at\"");
        assertThat(Json.mapper().readValue(json, Sample.class)).isEqualTo(sample);
    }

    @Test
    void misspeltPropertyIsRefusedByName() {
        assertThatThrownBy(() -> Json.mapper().readValue("{\"taskid\":\"t\"}", Sample.class))
                .hasMessageContaining("\"taskid\"");
    }
}
