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

package io.github.tasklens.boot.scheduling;

/**
 * Thrown at startup when a tasklens annotation ({@code @TaskLabel}, {@code @TimeBox}) on
 * a method or its class has a value it cannot use.
 *
 * @author tasklens authors
 */
public class InvalidTaskAnnotationException extends IllegalArgumentException {

	private final String annotation;

	private final String method;

	private final String allowed;

	/**
	 * Create an exception.
	 * @param annotation the annotation's simple name, with its {@code @}
	 * @param method the method, {@code com.example.OrderService.sync}
	 * @param reason what is wrong
	 * @param allowed what the value may be
	 * @param cause the underlying failure
	 */
	public InvalidTaskAnnotationException(String annotation, String method, String reason, String allowed,
			Throwable cause) {
		super("Invalid " + annotation + " on " + method + ": " + reason, cause);
		this.annotation = annotation;
		this.method = method;
		this.allowed = allowed;
	}

	/**
	 * Return the annotation's simple name, with its {@code @}.
	 * @return the annotation
	 */
	public String getAnnotation() {
		return this.annotation;
	}

	/**
	 * Return the annotated method.
	 * @return the method
	 */
	public String getMethod() {
		return this.method;
	}

	/**
	 * Return what the value may be.
	 * @return the allowed values
	 */
	public String getAllowed() {
		return this.allowed;
	}

}
