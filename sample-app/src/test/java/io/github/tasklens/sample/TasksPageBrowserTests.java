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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.tasklens.test.VerifyNoTaskLeaks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The page {@code /actuator/tasks} answers a browser, in Debian's Chromium driven by
 * Selenium, against the sample app on a random port: fifty subscribers blocked at one
 * line are one group, the filters narrow what it shows, an overdue task is marked, and
 * the endpoint's own errors are shown. With {@code -Dtasklens.readme.update=true} it also
 * writes the screenshot the README shows ({@code docs/images/tasks-page.png}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sample.reconcile.initial-delay=0", "sample.reconcile.warn-after=300ms",
				"tasklens.timebox.check-interval=100ms" })
@VerifyNoTaskLeaks(ignoreTaskNames = "ReconcileJob.reconcile")
class TasksPageBrowserTests {

	private static final int SUBSCRIBERS = 50;

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final Path SCREENSHOT = Path.of("..", "docs", "images", "tasks-page.png");

	private static ChromeDriver browser;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startBrowser(@TempDir Path profile) throws IOException {
		Chromium.assumeAvailable();
		browser = Chromium.start(profile, 1400, 1100);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@BeforeEach
	void leak() {
		client().post().uri("/subscribers?count=" + SUBSCRIBERS).retrieve().toBodilessEntity();
		client().post().uri("/leak?tasks=6").retrieve().toBodilessEntity();
		await().atMost(WAIT).until(() -> groupCounts().contains(SUBSCRIBERS) && groupCounts().contains(4));
	}

	@AfterEach
	void release() {
		client().delete().uri("/subscribers").retrieve().toBodilessEntity();
		client().delete().uri("/leak").retrieve().toBodilessEntity();
	}

	@Test
	void showsFiftySubscribersBlockedAtOneLineAsOneGroup() {
		String fingerprint = groups().stream()
			.filter((group) -> ((Number) group.get("count")).intValue() == SUBSCRIBERS)
			.map((group) -> (String) group.get("fingerprint"))
			.findFirst()
			.orElseThrow();
		open("");
		WebElement group = await().atMost(WAIT).until(() -> group(fingerprint), (found) -> found != null);
		assertThat(group.getAttribute("data-count")).isEqualTo("50");
		assertThat(text(group, ".count")).isEqualTo("50");
		assertThat(text(group, ".where")).matches(
				"at io\\.github\\.tasklens\\.sample\\.SubscriberController\\.awaitEvents\\(SubscriberController\\.java:\\d+\\)");
		assertThat(text(group, ".meta")).isEqualTo("subscriberPool · SubscriberController");
		assertThat(text(group, ".fp")).isEqualTo(fingerprint);
		group.findElement(By.tagName("summary")).click();
		List<WebElement> rows = group.findElements(By.cssSelector("tr.task"));
		assertThat(rows).hasSize(SUBSCRIBERS).allSatisfy((row) -> {
			List<WebElement> cells = row.findElements(By.tagName("td"));
			assertThat(cells.get(1).getText()).isEqualTo("subscriberPool");
			assertThat(cells.get(4).getText()).isEqualTo("RUNNING");
			assertThat(cells.get(3).getText()).contains("route=/subscribers", "method=POST");
		});
		assertThat(text(group, "pre.stack")).contains("at java.util.concurrent.LinkedBlockingQueue.take(");
		assertThat(text(executor("subscriberPool"), ".saturation")).isEqualTo("50 of 64");
		assertThat(text(executor("leakPool"), ".saturation")).isEqualTo("4 of 4");
		assertThat(text(executor("leakPool"), ".queue")).isEqualTo("2 unbounded");
	}

	@Test
	void narrowsToAnExecutorThenToALabel() {
		open("");
		await().atMost(WAIT).until(() -> shownCounts().containsAll(List.of(SUBSCRIBERS, 4)));
		browser.findElement(By.cssSelector("#executor option[value='subscriberPool']")).click();
		await().atMost(WAIT).until(() -> shownCounts().equals(List.of(SUBSCRIBERS)));
		assertThat(browser.getCurrentUrl()).endsWith("/actuator/tasks?executor=subscriberPool");
		assertThat(text(browser.findElement(By.cssSelector("[data-total=matched]")), "b")).isEqualTo("50");
		assertThat(browser.findElements(By.cssSelector("#executors tbody tr"))).singleElement()
			.satisfies((row) -> assertThat(row.getAttribute("data-executor")).isEqualTo("subscriberPool"));

		browser.findElement(By.id("clear")).click();
		await().atMost(WAIT).until(() -> shownCounts().containsAll(List.of(SUBSCRIBERS, 4)));
		browser.findElement(By.id("label")).sendKeys("route:/leak", Keys.ENTER);
		await().atMost(WAIT).until(() -> shownCounts().equals(List.of(4)));
		assertThat(browser.findElements(By.cssSelector("#others tr.task")))
			.extracting((row) -> row.findElements(By.tagName("td")).get(4).getText())
			.containsExactly("QUEUED", "QUEUED");
	}

	@Test
	void marksTheOverdueTask() {
		open("?state=OVERDUE");
		WebElement group = await().atMost(WAIT)
			.until(() -> browser.findElements(By.cssSelector("details.group.overdue")), (found) -> found.size() == 1)
			.get(0);
		assertThat(text(group, ".meta")).isEqualTo("applicationTaskExecutor · ReconcileJob.reconcile");
		assertThat(group.findElements(By.cssSelector("summary .badge.overdue"))).hasSize(1);
		group.findElement(By.tagName("summary")).click();
		WebElement row = group.findElement(By.cssSelector("tr.task"));
		assertThat(row.getAttribute("class")).contains("overdue");
		assertThat(text(row, ".badge.OVERDUE")).isEqualTo("OVERDUE");
		assertThat(browser.findElement(By.cssSelector("[data-total=overdue]")).getAttribute("class")).contains("alarm");
		assertThat(text(executor("applicationTaskExecutor"), ".badge.overdue")).isEqualTo("1");
		assertThat(browser.findElement(By.id("state")).getAttribute("value")).isEqualTo("OVERDUE");
	}

	@Test
	void showsTheEndpointsOwnErrors() {
		open("");
		await().atMost(WAIT).until(() -> shownCounts().contains(SUBSCRIBERS));
		browser.findElement(By.id("label")).sendKeys("nolabel", Keys.ENTER);
		WebElement error = browser.findElement(By.id("error"));
		await().atMost(WAIT).until(error::isDisplayed);
		assertThat(error.getText()).startsWith("The endpoint answered 400: Invalid label filter 'nolabel'");
		assertThat(browser.findElement(By.tagName("body")).getAttribute("class")).contains("stale");
		assertThat(shownCounts()).as("the last answer stays").contains(SUBSCRIBERS);
		browser.findElement(By.id("clear")).click();
		await().atMost(WAIT).until(() -> !error.isDisplayed());
	}

	@Test
	void screenshotForTheReadme() throws IOException {
		open("");
		await().atMost(WAIT)
			.until(() -> shownCounts().containsAll(List.of(SUBSCRIBERS, 4))
					&& !browser.findElements(By.cssSelector("details.group.overdue")).isEmpty());
		browser.findElement(By.id("auto")).click();
		browser.findElement(By.cssSelector("details.group.overdue summary")).click();
		byte[] png = browser.getScreenshotAs(OutputType.BYTES);
		assertThat(png).startsWith(0x89, 'P', 'N', 'G');
		Path written = Path.of("target", "tasks-page.png");
		Files.write(written, png);
		if (Boolean.getBoolean("tasklens.readme.update")) {
			Files.write(SCREENSHOT, png);
		}
		assertThat(SCREENSHOT).as("the screenshot the README shows; -Dtasklens.readme.update=true writes it").exists();
	}

	private void open(String query) {
		browser.get("http://localhost:" + this.port + "/actuator/tasks" + query);
	}

	private static String text(WebElement element, String css) {
		return element.findElement(By.cssSelector(css)).getText();
	}

	private static WebElement group(String fingerprint) {
		List<WebElement> found = browser
			.findElements(By.cssSelector("details.group[data-fingerprint='" + fingerprint + "']"));
		return found.isEmpty() ? null : found.get(0);
	}

	private static WebElement executor(String name) {
		return browser.findElement(By.cssSelector("#executors tr[data-executor='" + name + "']"));
	}

	/** The counts of the groups the page shows, largest first. */
	private static List<Integer> shownCounts() {
		return browser.findElements(By.cssSelector("details.group"))
			.stream()
			.map((group) -> Integer.parseInt(group.getAttribute("data-count")))
			.toList();
	}

	private List<Integer> groupCounts() {
		return groups().stream().map((group) -> ((Number) group.get("count")).intValue()).toList();
	}

	private List<Map<String, Object>> groups() {
		Map<String, Object> answer = client().get()
			.uri("/actuator/tasks")
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> groups = (List<Map<String, Object>>) answer.get("groups");
		return groups;
	}

	private RestClient client() {
		return RestClient.create("http://localhost:" + this.port);
	}

}
