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

package io.github.tasklens.boot.actuate;

import java.util.List;
import java.util.Map;

import io.github.tasklens.TaskContext;
import io.github.tasklens.TaskLabels;
import io.github.tasklens.boot.actuate.EndpointTestApp.Http;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import static io.github.tasklens.boot.actuate.EndpointTestApp.list;
import static io.github.tasklens.boot.actuate.EndpointTestApp.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/tasks} over real HTTP with Spring Security: label values and submit
 * sites shown to the role that {@code tasklens.endpoint.roles} names, masked for anyone
 * else; and cancelling, with write access to the endpoint, allowed to that role only.
 */
@SpringBootTest(classes = { EndpointTestApp.class, TasksEndpointWithSpringSecurityTests.Security.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { EndpointTestApp.ACTUATOR, "tasklens.endpoint.show-values=when-authorized",
				"tasklens.endpoint.roles=OPS", "tasklens.inventory.submit-site=true",
				"management.endpoint.tasks.access=unrestricted" })
class TasksEndpointWithSpringSecurityTests extends EndpointWebTest {

	@Autowired
	@Qualifier("workPool")
	private ThreadPoolTaskExecutor workPool;

	@Test
	void showsValuesToTheAuthorizedRoleOnly() throws Exception {
		TaskContext.withLabels(TaskLabels.of("customer", "acme"), () -> this.workPool.execute(this.blocker::block));
		this.blocker.awaitStarted(1);
		Map<String, Object> ops = list(this.http.json("/actuator/tasks", "ops", "secret"), "tasks").get(0);
		assertThat(map(ops, "labels")).containsEntry("customer", "acme");
		assertThat((List<String>) ops.get("submitSite")).first()
			.asString()
			.startsWith(TasksEndpointWithSpringSecurityTests.class.getName());
		Map<String, Object> dev = list(this.http.json("/actuator/tasks", "dev", "secret"), "tasks").get(0);
		assertThat(map(dev, "labels")).containsEntry("customer", TasksEndpoint.MASK);
		assertThat(dev.get("submitSite")).isEqualTo(List.of(TasksEndpoint.MASK));
		Map<String, Object> anonymous = list(this.http.json("/actuator/tasks"), "tasks").get(0);
		assertThat(map(anonymous, "labels")).containsEntry("customer", TasksEndpoint.MASK)
			.containsEntry("executor", "workPool");
		assertThat(anonymous.get("submitSite")).isEqualTo(List.of(TasksEndpoint.MASK));
	}

	@Test
	void letsTheAuthorizedRoleCancelAndNobodyElse() throws Exception {
		this.workPool.execute(this.blocker::block);
		this.blocker.awaitStarted(1);
		Object id = list(this.http.json("/actuator/tasks", "ops", "secret"), "tasks").get(0).get("id");
		assertThat(this.http.delete("/actuator/tasks/" + id, "dev", "secret").statusCode()).isEqualTo(403);
		assertThat(this.http.delete("/actuator/tasks/" + id).statusCode()).isEqualTo(403);
		assertThat(this.http.delete("/actuator/tasks?label=executor:workPool", "dev", "secret").statusCode())
			.isEqualTo(403);
		assertThat(list(this.http.json("/actuator/tasks"), "tasks")).as("still running").hasSize(1);
		Map<String, Object> cancelled = Http.parse(this.http.delete("/actuator/tasks/" + id, "ops", "secret"));
		assertThat(list(cancelled, "ended")).hasSize(1);
	}

	@Configuration(proxyBeanMethods = false)
	static class Security {

		@Bean
		SecurityFilterChain anyoneMayReadTheEndpoint(HttpSecurity http) throws Exception {
			// no session, no form: a DELETE from a script, without a CSRF token
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.csrf((csrf) -> csrf.disable())
				.httpBasic(Customizer.withDefaults())
				.build();
		}

		@Bean
		InMemoryUserDetailsManager users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("ops").password("{noop}secret").roles("OPS").build(),
					User.withUsername("dev").password("{noop}secret").roles("DEV").build());
		}

	}

}
