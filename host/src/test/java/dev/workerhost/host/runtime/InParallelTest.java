package dev.workerhost.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InParallelTest {

    @Test
    void runsTheItemsSideBySideAndReturnsTheResultsInTheirOrder() throws InterruptedException {
        CountDownLatch lastStarted = new CountDownLatch(1);

        List<String> results = InParallel.map("test", List.of("first", "last"), item -> {
            if (item.equals("last")) {
                lastStarted.countDown();
                return item;
            }
            // run one after another, the first item would wait here for the last in vain
            try {
                return lastStarted.await(30, TimeUnit.SECONDS) ? item : "ran alone";
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(results).containsExactly("first", "last");
    }

    @Test
    void aTaskThatThrowsEndsTheCallWithItsException() {
        assertThatThrownBy(() -> InParallel.map("test", List.of(1, 2, 3), item -> {
            if (item == 2) {
                throw new IllegalArgumentException("item 2 is broken");
            }
            return item;
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("item 2 is broken");
    }
}
