package org.ztfclass.server.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, as every page test uses it: no
 * network beyond loopback (background networking, updates and sync off), its own profile folder.
 */
final class HeadlessChromium {

    private HeadlessChromium() {
    }

    /**
     * @param profile folder for the browser profile (created if missing), e.g. under the test's temp dir
     * @return a started browser; the caller quits it
     */
    static ChromeDriver start(Path profile) throws IOException {
        File driver = new File("/usr/bin/chromedriver");
        assertTrue(driver.canExecute(), "Debian's chromium-driver is needed (install/run-tests and .ci/run install it)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createDirectories(profile));
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort().build(), options);
    }
}
