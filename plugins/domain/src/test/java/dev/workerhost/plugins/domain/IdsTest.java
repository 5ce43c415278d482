package dev.workerhost.plugins.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsArePrefixedUniqueAndOrderedByCreation() throws Exception {
        String first = Ids.newId("inv");
        Thread.sleep(2);
        String second = Ids.newId("inv");

        assertThat(first).startsWith("inv_").hasSize(4 + 26);
        assertThat(second).isGreaterThan(first);

        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(Ids.newId("li"));
        }
        assertThat(ids).hasSize(10_000);
    }
}
