package dev.workerhost.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The status page ({@code GET /}) of the built distribution in a real browser: headless Chromium driven by Selenium
 * (Debian's {@code chromium} and {@code chromium-driver}; {@code .ci/run} installs them).
 */
class StatusPageIT {

    private static final Duration STARTUP = Duration.ofMinutes(2);
    private static final Duration PAGE = Duration.ofSeconds(30);
    private static final String TOKEN = "page-token";

    @TempDir
    Path temp;

    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions()
                .setBinary(Path.of("/usr/bin/chromium").toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--user-data-dir=" + Files.createDirectories(temp.resolve("chromium-profile")));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aHealthyHostShowsReadyItsPluginsWorkersAndCountersOnceTheTokenIsGiven() throws Exception {
        Distribution dist = Distribution.copyTo(temp);
        int adminPort = Distribution.freePort();
        Map<String, String> env = Map.of(
                "WORKER_HOST_ADMIN_TOKEN", TOKEN,
                "JAVA_OPTS", "-Dtemporal.embedded.port=" + Distribution.freePort() + " -Dhost.admin.port=" + adminPort
                        + " -Dplugins.billing.schedule=");
        try (HostProcess host = dist.start(env).awaitReady(STARTUP)) {
            AdminClient admin = new AdminClient(adminPort, Optional.of(TOKEN));
            AdminClient.assertStatus(admin.post("/workflows/PriceSyncWorkflow",
                    Files.readString(dist.resolve("examples/PriceSyncWorkflow.json"))), 202);

            browser.get(admin.baseUrl() + "/");
            WebElement tokenInput = until(page -> page.findElement(By.id("token")).isDisplayed()
                    ? page.findElement(By.id("token")) : null);
            assertThat(text("problem")).contains("needs a bearer token");
            tokenInput.sendKeys(TOKEN);
            browser.findElement(By.id("token-submit")).click();

            until(page -> text("readiness").equals("ready") ? true : null);
            assertThat(browser.findElement(By.id("token-form")).isDisplayed()).isFalse();
            assertThat(missing()).isEmpty();
            Map<String, List<String>> plugins = rows("plugins", "data-plugin");
            assertThat(plugins).containsOnlyKeys("task", "plan", "billing");
            assertThat(plugins.get("plan")).containsSubsequence("plan", "0.1.0-SNAPSHOT", "STARTED", "plan",
                    "PriceSyncWorkflow");
            assertThat(plugins.get("task").get(4)).isEqualTo("TaskProcessingWorkflow");
            Map<String, List<String>> queues = rows("queues", "data-task-queue");
            assertThat(queues).containsOnlyKeys("task", "plan", "billing");
            assertThat(queues.get("plan")).containsSubsequence("plan", "plan", "1");
            until(page -> table("counters", "data-counter").stream().anyMatch(row ->
                    row.get(0).equals("temporal_workflow_completed") && row.get(2).contains("PriceSyncWorkflow"))
                    ? true : null);
        }
    }

    @Test
    void aHostWithABrokenPluginInSkipModeShowsNotReadyAndTheCause() throws Exception {
        Distribution dist = Distribution.copyTo(temp);
        dist.addPluginNamingAMissingModule("broken-plugin.jar");
        int adminPort = Distribution.freePort();
        Map<String, String> env = Map.of("JAVA_OPTS", "-Dtemporal.embedded.port=" + Distribution.freePort()
                + " -Dhost.admin.port=" + adminPort + " -Dhost.on-plugin-failure=skip -Dplugins.billing.schedule=");
        try (HostProcess host = dist.start(env).awaitReady(STARTUP)) {
            browser.get(new AdminClient(adminPort, Optional.empty()).baseUrl() + "/");

            until(page -> text("readiness").equals("not ready") && !rows("plugins", "data-plugin").isEmpty()
                    ? true : null);
            assertThat(browser.findElement(By.id("token-form")).isDisplayed()).isFalse();
            assertThat(missing()).anySatisfy(line -> assertThat(line).contains("broken-plugin.jar", "FAILED",
                            Distribution.MISSING_MODULE));
            Map<String, List<String>> plugins = rows("plugins", "data-plugin");
            assertThat(plugins).containsKeys("task", "plan", "billing", "broken-plugin.jar");
            assertThat(plugins.get("broken-plugin.jar").get(2)).isEqualTo("FAILED");
            assertThat(plugins.get("broken-plugin.jar").get(6)).contains(Distribution.MISSING_MODULE);
            assertThat(plugins.get("task").get(2)).isEqualTo("STARTED");
        }
    }

    private <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, PAGE).until(condition);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** The rows of table {@code tableId} by the value of {@code keyAttribute}: the text of each cell. */
    private Map<String, List<String>> rows(String tableId, String keyAttribute) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (List<String> row : table(tableId, keyAttribute)) {
            rows.put(row.get(0), row.subList(1, row.size()));
        }
        return rows;
    }

    /**
     * Each row of table {@code tableId}: the value of {@code keyAttribute}, then the text of each cell. Read in one
     * script, since the page replaces its rows every 2 s and an element read cell by cell may be gone halfway.
     */
    @SuppressWarnings("unchecked")
    private List<List<String>> table(String tableId, String keyAttribute) {
        return (List<List<String>>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('#' + arguments[0] + ' tbody tr')).map(row =>"
                        + " [row.getAttribute(arguments[1])].concat(Array.from(row.cells).map(cell => cell.innerText)));",
                tableId, keyAttribute);
    }

    /** The lines of the readiness list, read in one script like {@link #table}. */
    @SuppressWarnings("unchecked")
    private List<String> missing() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('#missing li')).map(item => item.innerText);");
    }
}
