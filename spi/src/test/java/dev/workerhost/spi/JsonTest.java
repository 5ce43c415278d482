package dev.workerhost.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Sample(String taskId, Instant completedAt) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Paged(int pageSize, Integer maxPages, Boolean dryRun) {
    }

    @Test
    void snakeCaseRecordsRoundTrip() throws Exception {
        Sample sample = new Sample("t1", Instant.parse("2026-01-02T03:04:05Z"));

        String json = Json.writer().writeValueAsString(sample);

        assertThat(json).contains("\"task_id\":\"t1\"").contains("\"completed_at\"");
        assertThat(Json.readerFor(Sample.class).<Sample>readValue(json)).isEqualTo(sample);
    }

    @Test
    void misspeltPropertyIsRefusedByName() {
        assertThatThrownBy(() -> Json.readerFor(Sample.class).readValue("{\"taskid\":\"t\"}"))
                .hasMessageContaining("\"taskid\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "true", "1e400", "1.5"})
    void aNumberOrBooleanIsNoString(String value) {
        assertThatThrownBy(() -> Json.readerFor(Sample.class).readValue("{\"task_id\":" + value + "}"))
                .hasMessageContaining("task_id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"page_size\":1.5}", "{\"page_size\":\"5\"}", "{\"page_size\":5.0}",
            "{\"page_size\":1e400}", "{\"page_size\":99999999999}", "{\"page_size\":null}", "{\"page_size\":\"\"}",
            "{\"max_pages\":\"5\"}", "{\"max_pages\":2.5}", "{\"dry_run\":1}", "{\"dry_run\":\"true\"}"})
    void numbersAreIntegersInRangeAndNothingIsCoerced(String json) {
        String field = json.substring(2, json.indexOf('"', 2));

        assertThatThrownBy(() -> Json.readerFor(Paged.class).readValue(json)).hasMessageContaining(field);
    }

    @Test
    void integersAndBooleansOfTheirOwnTypeAreRead() throws Exception {
        assertThat(Json.readerFor(Paged.class).<Paged>readValue("{\"page_size\":5,\"max_pages\":null,\"dry_run\":true}"))
                .isEqualTo(new Paged(5, null, true));
    }

    @Test
    void aCopyIsThePluginsOwnToReconfigure() throws Exception {
        Json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

        assertThatThrownBy(() -> Json.readerFor(Sample.class).readValue("{\"taskid\":\"t\"}"))
                .as("the shared configuration is unchanged")
                .hasMessageContaining("\"taskid\"");
    }

    @Test
    void typesItForgetsNoLongerHoldTheirClassLoaderAndAreLearntAgain() throws Exception {
        ObjectReader reader = Json.readerFor(Sample.class);
        WeakReference<ClassLoader> loader = readAndWriteInALoaderOfItsOwn(Sample.class);

        Json.forgetTypes();

        awaitCollected(loader);
        Sample sample = new Sample("t1", Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(reader.<Sample>readValue(Json.writer().writeValueAsString(sample))).isEqualTo(sample);
    }

    /** Reads and writes a copy of {@code type} defined by a class loader of its own, as a plugin's type is. */
    private static WeakReference<ClassLoader> readAndWriteInALoaderOfItsOwn(Class<?> type) throws Exception {
        ClassLoader own = new ClassLoader(JsonTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.equals(type.getName())) {
                    return super.loadClass(name, resolve);
                }
                synchronized (getClassLoadingLock(name)) {
                    Class<?> loaded = findLoadedClass(name);
                    if (loaded != null) {
                        return loaded;
                    }
                    try (InputStream bytes = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] code = bytes.readAllBytes();
                        return defineClass(name, code, 0, code.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
            }
        };
        Class<?> copy = own.loadClass(type.getName());
        assertThat(copy).isNotEqualTo(type);
        Object value = Json.readerFor(copy).readValue("{\"task_id\":\"t2\"}");
        assertThat(Json.writer().writeValueAsString(value)).contains("\"task_id\":\"t2\"");
        return new WeakReference<>(own);
    }

    private static void awaitCollected(WeakReference<ClassLoader> loader) throws InterruptedException {
        for (int attempt = 0; loader.get() != null; attempt++) {
            assertThat(attempt).as("attempts to collect the class loader").isLessThan(100);
            System.gc();
            Thread.sleep(50);
        }
    }
}
