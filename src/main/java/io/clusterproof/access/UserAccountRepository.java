package io.clusterproof.access;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

interface UserAccountRepository extends ListCrudRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    Optional<UserAccount> findBySsoIssuerAndSsoSubject(String ssoIssuer, String ssoSubject);

    boolean existsByRole(Role role);

    boolean existsByRoleAndEnabledTrueAndUsernameNot(Role role, String username);

    long countByDemoTrue();

    List<UserAccount> findByTeamAndEnabledTrueOrderByUsername(String team);

    @Query("select distinct u.team from UserAccount u where u.enabled = true and u.team is not null order by u.team")
    List<String> enabledTeams();

    List<UserAccount> findByDemoTrue();

    @Query("""
            select u from UserAccount u
            where lower(u.username) like :text or lower(u.displayName) like :text
               or lower(coalesce(u.team, '')) like :text
            """)
    Page<UserAccount> search(String text, Pageable pageable);
}
