package dev.workerhost.host.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class LoaderSwapTest {

    private final ClassLoader original = Thread.currentThread().getContextClassLoader();
    private final ClassLoader plugin = new URLClassLoader("plugin", new URL[0], null);

    @Test
    void theLoaderIsTheContextInsideTheBlockAndThePreviousOneAfterIt() {
        try (LoaderSwap swap = LoaderSwap.to(plugin)) {
            assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(plugin);
        }

        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(original);
    }

    @Test
    void thePreviousLoaderIsBackWhenTheBlockThrows() {
        assertThatThrownBy(() -> {
            try (LoaderSwap swap = LoaderSwap.to(plugin)) {
                throw new IllegalStateException("plugin code failed");
            }
        }).hasMessage("plugin code failed");

        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(original);
    }
}
