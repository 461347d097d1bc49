/*
 * Copyright 2026 the tasklens authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.tasklens.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium}, headless, driven through Debian's {@code chromedriver}
 * (packages {@code chromium} and {@code chromium-driver}). Tests that need it are skipped
 * where it is absent, except under CI ({@code CI=true}), where its absence fails them.
 * Nothing is downloaded: both are given by path, so Selenium Manager is never asked.
 */
final class Chromium {

	private static final String BROWSER = "/usr/bin/chromium";

	private static final String DRIVER = "/usr/bin/chromedriver";

	private Chromium() {
	}

	static void assumeAvailable() {
		Promtool.assumeCommand(BROWSER, "chromium");
		Promtool.assumeCommand(DRIVER, "chromium-driver");
	}

	/**
	 * Start a headless browser with a fresh profile and a window of the given size.
	 * @param profile a new empty directory for the browser's profile
	 * @param width the window's width
	 * @param height the window's height
	 * @return the driver
	 * @throws IOException when the profile cannot be made
	 */
	static ChromeDriver start(Path profile, int width, int height) throws IOException {
		Files.createDirectories(profile);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER);
		// as root in a container, without a GPU, and with no connection but loopback: the
		// background-networking flags keep it from calling out at every start
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--user-data-dir=" + profile.toAbsolutePath(),
				"--window-size=" + width + "," + height, "--lang=en-US");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
			.usingAnyFreePort()
			.withTimeout(Duration.ofSeconds(60))
			.build();
		return new ChromeDriver(service, options);
	}

}
