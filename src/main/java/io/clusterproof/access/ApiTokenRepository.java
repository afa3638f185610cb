package io.clusterproof.access;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;

interface ApiTokenRepository extends ListCrudRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    boolean existsByName(String name);

    Optional<ApiToken> findByName(String name);

    Page<ApiToken> findAllByOrderByCreatedAtDesc(Pageable pageable);
}
