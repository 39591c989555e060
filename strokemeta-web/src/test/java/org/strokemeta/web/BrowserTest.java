package org.strokemeta.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser: headless Chromium driven through the Debian chromedriver (both installed
 * by {@code scripts/setup.sh --for-tests}), against the server on a free loopback port.
 */
class BrowserTest {
    static Javalin app;
    static WebDriver driver;

    @BeforeAll
    static void start() {
        Path chromedriver = Path.of("/usr/bin/chromedriver");
        Path chromium = Path.of("/usr/bin/chromium");
        Assumptions.assumeTrue(Files.isExecutable(chromedriver) && Files.isExecutable(chromium),
                "Chromium and chromedriver drive the page (scripts/setup.sh --for-tests installs them)");
        app = WebApp.start("127.0.0.1", 0);
        ChromeOptions o = new ChromeOptions();
        o.setBinary(chromium.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000");
        o.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (app != null) {
            app.stop();
        }
    }

    private static WebDriverWait await() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    private static String summary() {
        return driver.findElement(By.id("summary")).getText();
    }

    @Test
    void load_a_data_set_change_the_estimator_upload_a_bad_file_and_download_the_report() throws Exception {
        driver.get("http://127.0.0.1:" + app.port() + "/");
        await().until(d -> summary().startsWith("Pooled RR"));
        assertThat(driver.findElement(By.id("forest")).getAttribute("innerHTML")).contains("class=\"diamond\"");
        String reml = summary();
        new Select(driver.findElement(By.id("tau2"))).selectByVisibleText("DL");
        await().until(d -> !summary().equals(reml));
        assertThat(summary()).startsWith("Pooled RR").isNotEqualTo(reml);

        Path bad = Files.createTempFile("bad", ".csv");
        Files.writeString(bad, "study,events_treat,total_treat,events_ctrl,total_ctrl\nA,5,10,3,10\nB,12,8,4,9\n");
        driver.findElement(By.id("file")).sendKeys(bad.toAbsolutePath().toString());
        await().until(d -> driver.findElement(By.id("error")).getText().contains("line 3, column events_treat"));

        driver.findElement(By.id("file")).clear();
        driver.findElement(By.id("report")).click();
        await().until(d -> !d.findElements(By.id("report-link")).isEmpty());
        var link = driver.findElement(By.id("report-link"));
        assertThat(link.getAttribute("href")).startsWith("blob:");
        assertThat(link.getAttribute("download")).isEqualTo("strokemeta-report.html");

        // the report on the published trials: no data needed
        driver.findElement(By.id("published")).click();
        await().until(d -> !d.findElements(By.id("published-link")).isEmpty());
        assertThat(driver.findElement(By.id("published-link")).getAttribute("download")).isEqualTo("strokemeta-published.html");
        // with the Bayesian and trial sequential analyses asked for
        var js = (org.openqa.selenium.JavascriptExecutor) driver;
        // the page's own request and the report it receives, recorded (the page's CSP keeps a test from reading the blob)
        js.executeScript("document.getElementById('published-link').remove(); const f = window.fetch; window.fetch = (u, o) => "
                + "f(u, o).then(r => { if (u === '/api/published') { r.clone().text().then(t => window.publishedReport = t); } return r; });");
        driver.findElement(By.id("published_bayes")).click();
        driver.findElement(By.id("published_tsa")).click();
        driver.findElement(By.id("published")).click();
        await().until(d -> !d.findElements(By.id("published-link")).isEmpty() && js.executeScript("return window.publishedReport") != null);
        assertThat(String.valueOf(js.executeScript("return window.publishedReport"))).contains("id=\"bayes\"").contains("id=\"tsa\"").contains("Turner et al. 2015");

        // a PNG drawn from the figure (a data: image on a canvas), under the page's Content-Security-Policy
        driver.findElement(By.linkText("forest.png")).click();
        Thread.sleep(500);
        var log = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll();
        assertThat(log).noneMatch(e -> e.getMessage().contains("Content Security Policy") || e.getMessage().contains("Refused to"));
    }

    @Test
    void the_revman_button_downloads_the_review_and_says_what_revman_computes_differently() {
        driver.get("http://127.0.0.1:" + app.port() + "/");
        await().until(d -> summary().startsWith("Pooled RR"));
        var js = (org.openqa.selenium.JavascriptExecutor) driver;
        js.executeScript("const f = window.fetch; window.fetch = (u, o) => "
                + "f(u, o).then(r => { if (u === '/api/revman') { r.clone().text().then(t => window.revmanReview = t); } return r; });");
        driver.findElement(By.id("revman")).click();
        await().until(d -> !d.findElements(By.id("revman-link")).isEmpty() && js.executeScript("return window.revmanReview") != null);
        assertThat(driver.findElement(By.id("revman-link")).getAttribute("download")).isEqualTo("strokemeta-review.rm5");
        // the page's REML is not RevMan's: the review holds DerSimonian-Laird, and the page says so
        assertThat(driver.findElement(By.id("revman-notes")).getText()).contains("RevMan 5 estimates it by DerSimonian-Laird");
        String review = String.valueOf(js.executeScript("return window.revmanReview"));
        assertThat(org.strokemeta.formats.RevMan.outcome("page.rm5", review.getBytes(java.nio.charset.StandardCharsets.UTF_8), null).table().rows())
                .isEqualTo(13);
    }

    @Test
    void a_mixed_model_formula_on_patient_data_shows_its_random_and_fixed_effects() {
        driver.get("http://127.0.0.1:" + app.port() + "/");
        await().until(d -> summary().startsWith("Pooled RR"));
        driver.findElement(By.id("formula")).sendKeys("mrs90 ~ arm * occlusion_site + age + (1 | trial)");
        new Select(driver.findElement(By.id("example"))).selectByValue("hermes_sim");
        await().until(d -> driver.findElement(By.id("studies")).getText().contains("armevt:occlusion_siteM2"));
        String page = driver.findElement(By.id("studies")).getText();
        assertThat(page).contains("Mixed model: mrs90 ~ arm * occlusion_site + age + (1 | trial)").contains("trial (7)");
        assertThat(driver.findElement(By.id("downloads")).getText()).contains("mixed.json");
    }

    @Test
    void the_bayesian_and_trial_sequential_figures_are_drawn_on_the_page() {
        driver.get("http://127.0.0.1:" + app.port() + "/");
        await().until(d -> summary().startsWith("Pooled RR"));
        driver.findElement(By.id("tau_prior")).sendKeys("half-normal:0.5");
        driver.findElement(By.id("tsa_control_risk")).sendKeys("0.07");
        driver.findElement(By.id("tsa_rrr")).sendKeys("0.5");
        new Select(driver.findElement(By.id("example"))).selectByValue("hine");
        await().until(d -> d.findElement(By.id("tsa")).getAttribute("innerHTML").contains("class=\"zcurve\""));
        assertThat(driver.findElement(By.id("bayes_posterior")).getAttribute("innerHTML")).contains("class=\"marginal-mu\"");
        assertThat(driver.findElement(By.id("bayes_forest")).getAttribute("innerHTML")).contains("class=\"shrinkage\"");
        assertThat(driver.findElement(By.id("bayes")).getText()).startsWith("Bayesian: median");
        assertThat(driver.findElement(By.id("tsa-summary")).getText()).contains("required information size");
        // drawn: the z-curve has a size on the page
        assertThat(driver.findElement(By.cssSelector("#tsa svg")).getSize().getWidth()).isGreaterThan(300);
    }

    @Test
    void a_network_shows_its_node_splits_and_sucra_and_the_report_button_downloads_the_network_report() {
        driver.get("http://127.0.0.1:" + app.port() + "/");
        await().until(d -> summary().startsWith("Pooled RR"));
        new Select(driver.findElement(By.id("outcome"))).selectByValue("harmful");
        new Select(driver.findElement(By.id("example"))).selectByValue("af_stroke_nma");
        await().until(d -> summary().startsWith("Network of 8 treatments"));
        String page = driver.findElement(By.id("studies")).getText();
        assertThat(page).contains("SUCRA").contains("Node splitting: direct against indirect evidence").contains("VKAs vs Aspirin")
                .contains("Direct evidence only (not split)");
        var js = (org.openqa.selenium.JavascriptExecutor) driver;
        js.executeScript("const f = window.fetch; window.fetch = (u, o) => f(u, o).then(r => { if (u === '/api/report') { "
                + "r.clone().text().then(t => window.networkReport = t); } return r; });");
        driver.findElement(By.id("report")).click();
        await().until(d -> !d.findElements(By.id("report-link")).isEmpty() && js.executeScript("return window.networkReport") != null);
        assertThat(driver.findElement(By.id("report-link")).getAttribute("download")).isEqualTo("strokemeta-network.html");
        assertThat(String.valueOf(js.executeScript("return window.networkReport"))).contains("<h2>League table</h2>")
                .contains("Smaller effects are better").contains("af_stroke_nma");
    }
}
