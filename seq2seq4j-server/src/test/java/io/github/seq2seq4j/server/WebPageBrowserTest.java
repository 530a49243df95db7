package io.github.seq2seq4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.seq2seq4j.decode.DecodeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page at {@code /} in headless Chromium: pick a model and a beam size, type a word, submit,
 * and see the model's translation, its score and an attention heatmap labelled with the tokens.
 * Skipped when Debian's {@code chromium} and {@code chromium-driver} are not installed (the paths
 * can be overridden with the CHROME_BIN and CHROMEDRIVER environment variables). Leaves a
 * screenshot in {@code target/screenshots/}.
 */
class WebPageBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

    @TempDir
    Path profile;

    @Test
    void typingAWordShowsItsTranslationScoreAndAttentionHeatmap() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs chromium and chromedriver (apt-get install -y chromium chromium-driver)");
        try (TranslationServer server = TestServers.start()) {
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--window-size=1100,1500", "--lang=en-US");
            WebDriver driver = new ChromeDriver(service, options);
            try {
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
                // the page redraws the heatmap when a response arrives: a label read mid-redraw is stale, so retry
                wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
                driver.get(server.baseUri().toString());
                wait.until(d -> d.findElement(By.id("translate")).isEnabled()); // models are listed
                Select model = new Select(driver.findElement(By.id("model")));
                assertEquals(2, model.getOptions().size());
                assertEquals(Fixtures.CHAR_MODEL, model.getFirstSelectedOption().getText());
                assertTrue(driver.findElement(By.id("model-info")).getText().contains("2,523 parameters"));

                WebElement beam = driver.findElement(By.id("beam"));
                beam.clear();
                beam.sendKeys("3");
                driver.findElement(By.id("source")).sendKeys("hello");
                driver.findElement(By.id("translate")).click();
                wait.until(d -> !d.findElement(By.id("translation")).getText().isEmpty());

                String expected = Fixtures.load(Fixtures.CHAR_MODEL)
                        .nbest(List.of("hello"), DecodeOptions.beam(3, 1.0)).get(0).get(0).text();
                assertEquals(expected, driver.findElement(By.id("translation")).getText());
                assertTrue(driver.findElement(By.id("score")).getText().matches("-\\d+\\.\\d{4}"));
                assertEquals(List.of("h", "e", "l", "l", "o"), texts(driver, "#heatmap text.src-label"));
                List<String> rows = texts(driver, "#heatmap text.out-label");
                assertFalse(rows.isEmpty());
                assertEquals(5 * rows.size(), driver.findElements(By.cssSelector("#heatmap rect.cell")).size());
                assertEquals("", driver.findElement(By.id("status")).getText());
                screenshot(driver, "page-translation-heatmap.png");

                // The word-level model: whitespace tokens label the columns.
                model.selectByVisibleText(Fixtures.WORD_MODEL);
                assertTrue(driver.findElement(By.id("model-info")).getText().contains("whitespace tokens"));
                WebElement source = driver.findElement(By.id("source"));
                source.clear();
                source.sendKeys("the big red dog sat on the mat");
                driver.findElement(By.id("translate")).click();
                wait.until(d -> texts(d, "#heatmap text.src-label").size() == 8);
                assertEquals(List.of("the", "big", "red", "dog", "sat", "on", "the", "mat"),
                        texts(driver, "#heatmap text.src-label"));
                String words = Fixtures.load(Fixtures.WORD_MODEL)
                        .nbest(List.of("the big red dog sat on the mat"), DecodeOptions.beam(3, 1.0)).get(0).get(0).text();
                assertEquals(words, driver.findElement(By.id("translation")).getText());
                screenshot(driver, "page-word-model.png");

                // A beam beyond the server's limit: the page shows the server's message.
                beam.clear();
                beam.sendKeys("99");
                driver.findElement(By.id("translate")).click();
                wait.until(d -> d.findElement(By.id("status")).getText().contains("max_beam"));
                assertTrue(driver.findElement(By.id("status")).getAttribute("class").contains("error"));
            } finally {
                driver.quit();
                service.stop();
            }
        }
    }

    /** The texts of the matching elements, read again if the page redrew them while they were read. */
    private static List<String> texts(WebDriver driver, String css) {
        for (int attempt = 1; ; attempt++) {
            try {
                return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static void screenshot(WebDriver driver, String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
