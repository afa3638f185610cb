package io.clusterproof.access;

/** An authentication that acts for a person other than its own name (an API token for its creator). */
interface AccountableActor {

    String accountablePerson();
}
