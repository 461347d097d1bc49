package com.example.asyncmethod;

import java.util.concurrent.CompletableFuture;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

/**
 * Looks users up asynchronously, as the guide's {@code GitHubLookupService} does (without
 * the network).
 */
@Service
public class LookupService {

	@Async
	public CompletableFuture<String> findUser(String user) {
		if (user.isBlank()) {
			throw new IllegalArgumentException("no user name");
		}
		return CompletableFuture.completedFuture("User[name=" + user + ", thread=" + Thread.currentThread().getName()
				+ "]");
	}

}
