package io.clusterproof.access;

import org.springframework.data.repository.ListCrudRepository;

interface SignInAttemptRepository extends ListCrudRepository<SignInAttempt, String> {}
