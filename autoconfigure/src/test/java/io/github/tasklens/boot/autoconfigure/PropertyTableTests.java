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

package io.github.tasklens.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property reference, {@code docs/properties.md}, is generated from the configuration
 * metadata that {@code spring-boot-configuration-processor} writes: this test fails when
 * the two disagree, and {@code -Dtasklens.readme.update=true} writes the table anew.
 */
class PropertyTableTests {

	private static final Path PAGE = Path.of("..", "docs", "properties.md");

	private static final String START = "<!-- properties: generated from the configuration metadata by PropertyTableTests -->";

	private static final String END = "<!-- properties: end -->";

	@Test
	void readmeListsEveryPropertyAsTheMetadataDescribesIt() throws IOException {
		String expected = table(properties());
		String readme = Files.readString(PAGE, StandardCharsets.UTF_8);
		int start = readme.indexOf(START);
		int end = readme.indexOf(END);
		assertThat(start).as("the property page's marker '%s'", START).isNotNegative();
		assertThat(end).as("the property page's marker '%s'", END).isGreaterThan(start);
		String actual = readme.substring(start + START.length(), end);
		if (!actual.equals(expected) && Boolean.getBoolean("tasklens.readme.update")) {
			Files.writeString(PAGE, readme.substring(0, start + START.length()) + expected + readme.substring(end),
					StandardCharsets.UTF_8);
			actual = expected;
		}
		assertThat(actual)
			.as("docs/properties.md's table against the configuration metadata; "
					+ "run this test with -Dtasklens.readme.update=true to write it anew")
			.isEqualTo(expected);
	}

	@Test
	void describesEveryPropertyAndItsDefault() throws IOException {
		for (JsonNode property : properties()) {
			if (!property.path("deprecation").isMissingNode()) {
				assertThat(property.path("deprecation").path("replacement").asString(""))
					.as("the replacement of deprecated %s", property.get("name").asString())
					.startsWith("tasklens.");
				continue;
			}
			assertThat(property.path("description").asString(""))
				.as("the description of %s (its field's javadoc)", property.get("name").asString())
				.isNotBlank();
		}
		assertThat(properties())
			.filteredOn((property) -> property.get("name").asString().equals("tasklens.metrics.label-tags"))
			.singleElement()
			.satisfies((tags) -> assertThat(defaultValue(tags)).isEqualTo("executor,task"));
	}

	/**
	 * The {@code tasklens.*} properties of the metadata, in its order (by name).
	 */
	private static List<JsonNode> properties() throws IOException {
		try (InputStream metadata = PropertyTableTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(metadata).as("the configuration metadata on the class path").isNotNull();
			List<JsonNode> properties = new ArrayList<>();
			for (JsonNode property : JsonMapper.builder().build().readTree(metadata).get("properties")) {
				if (property.get("name").asString().startsWith("tasklens.")) {
					properties.add(property);
				}
			}
			return properties;
		}
	}

	private static String table(List<JsonNode> properties) {
		StringBuilder table = new StringBuilder("\n\n| property | default | description |\n| --- | --- | --- |\n");
		for (JsonNode property : properties) {
			String name = property.get("name").asString();
			boolean map = property.path("type").asString("").startsWith("java.util.Map<");
			String value = defaultValue(property);
			table.append("| `")
				.append(map ? name + ".*" : name)
				.append("` | ")
				.append(value.isEmpty() ? "" : "`" + value + "`")
				.append(" | ")
				.append(deprecation(property))
				.append(property.path("description").asString("").replace("|", "\\|").replace('\n', ' '))
				.append(allowedValues(property.path("type").asString("")))
				.append(" |\n");
		}
		return table.append('\n').toString();
	}

	/**
	 * Return what the table says of a deprecated property: its replacement and why.
	 */
	private static String deprecation(JsonNode property) {
		JsonNode deprecation = property.path("deprecation");
		if (deprecation.isMissingNode()) {
			return "";
		}
		return "Deprecated: use `" + deprecation.path("replacement").asString() + "`. "
				+ deprecation.path("reason").asString("");
	}

	/**
	 * Return the values an enum-typed property allows, as a sentence, or nothing.
	 */
	private static String allowedValues(String type) {
		try {
			// the metadata writes binary names (Outer$Nested), which Class.forName takes
			Object[] constants = Class.forName(type).getEnumConstants();
			if (constants == null) {
				return "";
			}
			List<String> values = new ArrayList<>();
			for (Object constant : constants) {
				values.add("`" + ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-') + "`");
			}
			return " Allowed values: " + String.join(", ", values) + ".";
		}
		catch (ClassNotFoundException ex) {
			return "";
		}
	}

	private static String defaultValue(JsonNode property) {
		JsonNode value = property.get("defaultValue");
		if (value == null || value.isNull()) {
			return "";
		}
		if (value.isArray()) {
			List<String> items = new ArrayList<>();
			value.forEach((item) -> items.add(item.asString()));
			return items.stream().collect(Collectors.joining(","));
		}
		return value.asString();
	}

}
