package io.clusterproof.evidence;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2 trigger that refuses every update of a pack in the evidence locker; public because H2 instantiates it. */
public class ImmutablePackTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("evidence_pack is immutable: UPDATE refused");
    }
}
