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

package io.github.tasklens.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README stays a five-minute read that leads to every page of {@code docs/}, no link
 * between the pages points at a file or a heading that is not there, and every Java
 * snippet is a tagged region of a test source that compiles
 * ({@code -Dtasklens.docs.update=true} writes the snippets anew from their sources).
 *
 * @author tasklens authors
 */
class DocumentationTests {

	private static final int README_MAX_BYTES = 15 * 1024;

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]*)(?:#([^)\\s]+))?\\)");

	private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: (\\S+)#(\\S+) -->\n```java\n(.*?)```",
			Pattern.DOTALL);

	private final Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();

	@Test
	void readmeIsAtMost15KilobytesAndLinksEveryDocsPage() throws IOException {
		Path readme = this.root.resolve("README.md");
		assertThat(Files.size(readme)).as("README.md's size in bytes").isLessThanOrEqualTo(README_MAX_BYTES);
		Set<Path> linked = new TreeSet<>();
		for (Link link : links(readme)) {
			linked.add(link.target().normalize());
		}
		try (Stream<Path> pages = Files.list(this.root.resolve("docs"))) {
			assertThat(pages.filter((page) -> page.toString().endsWith(".md")).map(Path::normalize))
				.as("docs pages the README links")
				.isNotEmpty()
				.allSatisfy((page) -> assertThat(linked).contains(page));
		}
	}

	@Test
	void everyLinkBetweenThePagesLeadsToAFileAndAHeadingThatExist() throws IOException {
		List<Path> pages = new ArrayList<>(
				List.of(this.root.resolve("README.md"), this.root.resolve("sample-app/README.md")));
		try (Stream<Path> docs = Files.list(this.root.resolve("docs"))) {
			docs.filter((page) -> page.toString().endsWith(".md")).forEach(pages::add);
		}
		for (Path page : pages) {
			for (Link link : links(page)) {
				assertThat(link.target()).as("the target of %s in %s", link.text(), page).exists();
				if (link.anchor() != null) {
					assertThat(anchors(link.target())).as("the headings of %s, linked from %s", link.target(), page)
						.contains(link.anchor());
				}
			}
		}
	}

	@Test
	void everyJavaSnippetIsTakenFromSourceThatCompiles() throws IOException {
		int snippets = 0;
		for (Path page : pages()) {
			String text = Files.readString(page, StandardCharsets.UTF_8);
			Matcher block = SNIPPET.matcher(text);
			StringBuilder updated = new StringBuilder();
			int end = 0;
			while (block.find()) {
				snippets++;
				String source = region(this.root.resolve(block.group(1)), block.group(2));
				updated.append(text, end, block.start(3)).append(source);
				end = block.end(3);
				if (!Boolean.getBoolean("tasklens.docs.update")) {
					assertThat(block.group(3)).as("the snippet %s#%s in %s", block.group(1), block.group(2), page)
						.isEqualTo(source);
				}
			}
			if (Boolean.getBoolean("tasklens.docs.update")) {
				Files.writeString(page, updated.append(text.substring(end)), StandardCharsets.UTF_8);
			}
		}
		assertThat(snippets).as("java snippets in the pages").isPositive();
		for (Path page : pages()) {
			assertThat(Files.readString(page, StandardCharsets.UTF_8).split("```java", -1).length - 1)
				.as("java blocks of %s, each with its snippet line", page)
				.isEqualTo(countMatches(SNIPPET, Files.readString(page, StandardCharsets.UTF_8)));
		}
	}

	private List<Path> pages() throws IOException {
		List<Path> pages = new ArrayList<>(
				List.of(this.root.resolve("README.md"), this.root.resolve("sample-app/README.md")));
		try (Stream<Path> docs = Files.list(this.root.resolve("docs"))) {
			docs.filter((page) -> page.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		return pages;
	}

	/**
	 * The lines of a source file between {@code // tag::name[]} and
	 * {@code // end::name[]}, without their common indentation.
	 */
	private static String region(Path source, String tag) throws IOException {
		assertThat(source).as("a snippet's source").isRegularFile();
		List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
		int from = -1;
		int to = -1;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).trim();
			if (line.equals("// tag::" + tag + "[]")) {
				from = i + 1;
			}
			else if (line.equals("// end::" + tag + "[]")) {
				to = i;
			}
		}
		assertThat(from).as("// tag::%s[] in %s", tag, source).isPositive();
		assertThat(to).as("// end::%s[] in %s", tag, source).isGreaterThanOrEqualTo(from);
		List<String> region = lines.subList(from, to);
		int indent = region.stream()
			.filter((line) -> !line.isBlank())
			.mapToInt((line) -> line.length() - line.stripLeading().length())
			.min()
			.orElse(0);
		StringBuilder text = new StringBuilder();
		for (String line : region) {
			text.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
		}
		return text.toString().replaceAll("\\n+$", "\n");
	}

	private static int countMatches(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	private static List<Link> links(Path page) throws IOException {
		List<Link> links = new ArrayList<>();
		Matcher matcher = LINK.matcher(Files.readString(page, StandardCharsets.UTF_8));
		while (matcher.find()) {
			String file = matcher.group(1);
			if (file.startsWith("http:") || file.startsWith("https:") || file.startsWith("mailto:")) {
				continue;
			}
			Path target = file.isEmpty() ? page : page.getParent().resolve(file);
			links.add(new Link(matcher.group(), target, matcher.group(2)));
		}
		return links;
	}

	/**
	 * The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces
	 * as hyphens.
	 */
	private static Set<String> anchors(Path page) throws IOException {
		Set<String> anchors = new TreeSet<>();
		if (!page.toString().endsWith(".md")) {
			return anchors;
		}
		boolean fenced = false;
		for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
			if (line.startsWith("```")) {
				fenced = !fenced;
			}
			else if (!fenced && line.startsWith("#")) {
				String heading = line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
				anchors.add(heading.replaceAll("[^\\p{L}\\p{N}_ -]", "").replace(' ', '-'));
			}
		}
		return anchors;
	}

	private record Link(String text, Path target, String anchor) {
	}

}
