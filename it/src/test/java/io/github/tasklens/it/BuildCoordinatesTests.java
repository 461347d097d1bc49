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

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coordinates a user sees: the starter is a jar without code, and the BOM manages
 * every published tasklens artifact and nothing of anyone else's.
 *
 * @author tasklens authors
 */
class BuildCoordinatesTests {

	private static final String GROUP = "io.github.tasklens";

	private final Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();

	@Test
	void theStarterIsAJarWithoutCode() throws Exception {
		Path starter = classPathEntry("tasklens-spring-boot-starter");
		assertThat(starter.getFileName().toString()).endsWith(".jar");
		try (JarFile jar = new JarFile(starter.toFile())) {
			assertThat(jar.stream().map((entry) -> entry.getName())).contains("META-INF/MANIFEST.MF")
				.noneMatch((name) -> name.endsWith(".class"));
		}
		assertThat(text(this.root.resolve("starter/pom.xml"), "packaging")).isEmpty();
	}

	@Test
	void theBomManagesEveryPublishedArtifactAndNothingElse() throws Exception {
		Document bom = parse(this.root.resolve("bom/pom.xml"));
		assertThat(children(bom.getDocumentElement(), "parent"))
			.as("an imported BOM brings its parents' dependency management too")
			.isEmpty();
		assertThat(text(this.root.resolve("bom/pom.xml"), "version"))
			.containsExactly(text(this.root.resolve("pom.xml"), "version").get(0));
		List<Element> managed = managed(bom);
		assertThat(managed).allSatisfy((dependency) -> {
			assertThat(child(dependency, "groupId")).isEqualTo(GROUP);
			assertThat(child(dependency, "version")).isEqualTo("${project.version}");
		});
		Set<String> artifacts = new TreeSet<>();
		managed.forEach((dependency) -> artifacts.add(child(dependency, "artifactId")));
		assertThat(artifacts).isEqualTo(publishedArtifacts());
	}

	@Test
	void theParentManagesTheSameTasklensArtifactsAsTheBom() throws Exception {
		Set<String> parent = new TreeSet<>();
		for (Element dependency : managed(parse(this.root.resolve("pom.xml")))) {
			if (GROUP.equals(child(dependency, "groupId"))) {
				parent.add(child(dependency, "artifactId"));
			}
		}
		assertThat(parent).isEqualTo(publishedArtifacts());
	}

	private Set<String> publishedArtifacts() throws Exception {
		Set<String> published = new TreeSet<>();
		Document parent = parse(this.root.resolve("pom.xml"));
		for (Element module : children(single(parent.getDocumentElement(), "modules"), "module")) {
			Path pom = this.root.resolve(module.getTextContent().trim()).resolve("pom.xml");
			Element project = parse(pom).getDocumentElement();
			String artifactId = child(project, "artifactId");
			Element properties = single(project, "properties");
			boolean skipped = properties != null && "true".equals(child(properties, "maven.deploy.skip"));
			if (!skipped && !"tasklens-dependencies".equals(artifactId)) {
				published.add(artifactId);
			}
		}
		return published;
	}

	private static List<Element> managed(Document pom) {
		Element management = single(pom.getDocumentElement(), "dependencyManagement");
		assertThat(management).isNotNull();
		return children(single(management, "dependencies"), "dependency");
	}

	private static Path classPathEntry(String artifactId) {
		try (Stream<String> entries = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))) {
			return entries.filter((entry) -> entry.contains(artifactId))
				.map(Path::of)
				.findFirst()
				.orElseThrow(() -> new AssertionError(artifactId + " is not on the test class path"));
		}
	}

	private static List<String> text(Path pom, String name) throws Exception {
		Element project = parse(pom).getDocumentElement();
		List<String> values = new ArrayList<>();
		children(project, name).forEach((element) -> values.add(element.getTextContent().trim()));
		return values;
	}

	private static Document parse(Path pom) throws Exception {
		assertThat(pom).isRegularFile();
		try (var in = Files.newInputStream(pom)) {
			return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
		}
	}

	private static List<Element> children(Element parent, String name) {
		List<Element> children = new ArrayList<>();
		NodeList nodes = parent.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++) {
			Node node = nodes.item(i);
			if (node instanceof Element element && element.getTagName().equals(name)) {
				children.add(element);
			}
		}
		return children;
	}

	private static Element single(Element parent, String name) {
		List<Element> children = children(parent, name);
		return children.isEmpty() ? null : children.get(0);
	}

	private static String child(Element parent, String name) {
		Element child = single(parent, name);
		return (child != null) ? child.getTextContent().trim() : null;
	}

}
