package fearless.grader.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium, driven through chromedriver, for the tests that look at a page as a
 * person does. Without {@code chromium} and {@code chromium-driver} a test using it is skipped,
 * saying so (CI installs them). With {@code -Dscreenshots.dir=DIR} its screenshots (desktop and
 * phone width) are kept there to look at.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Dimension DESKTOP = new Dimension(1100, 1400);
    private static final Dimension PHONE = new Dimension(390, 844);

    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A browser with its profile in {@code profile}; skips the calling test when none is installed. */
    public static HeadlessChromium open(Path profile) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (Debian packages chromium and chromium-driver)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1100,1400");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(10));
        return new HeadlessChromium(driver);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a file at desktop width. */
    public void load(Path file) {
        driver.manage().window().setSize(DESKTOP);
        driver.get(file.toUri().toString());
    }

    public Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(code, arguments);
    }

    /** A screenshot; kept where -Dscreenshots.dir says, then at phone width too. */
    public void screenshot(String name) throws IOException {
        String keep = System.getProperty("screenshots.dir");
        List<Dimension> sizes = keep == null ? List.of(DESKTOP) : List.of(DESKTOP, PHONE);
        for (Dimension size : sizes) {
            driver.manage().window().setSize(size);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            assertTrue(png.length > 1000, "a screenshot was taken");
            if (keep != null) {
                Files.createDirectories(Path.of(keep));
                Files.write(Path.of(keep, name + "-" + size.getWidth() + ".png"), png);
            }
        }
        driver.manage().window().setSize(DESKTOP);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
