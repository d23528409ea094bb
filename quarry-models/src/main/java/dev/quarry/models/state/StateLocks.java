package dev.quarry.models.state;

import dev.quarry.core.RunException;
import dev.quarry.core.Secrets;
import dev.quarry.models.project.ProjectConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The two ways a state is locked for one plan or run; either lock is released if the process dies, and a second taker
 * gets a message naming the holder.
 */
final class StateLocks {
    /** The first key of Quarry's advisory locks (an arbitrary constant: "QRRY" in ASCII). */
    private static final int ADVISORY_CLASS = 0x51525259;

    private StateLocks() {}

    /** SQLite and DuckDB: an OS lock on a file beside the database, holding the holder's description. */
    static StateStore.Lock file(Path file, String where, String purpose) {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(
                    lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = new String(Files.readAllBytes(lockFile), StandardCharsets.UTF_8).strip();
                channel.close();
                throw busy(where, holder);
            }
            String owner =
                    purpose + " by pid " + ProcessHandle.current().pid() + " on " + host() + " since " + Instant.now();
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(owner.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            FileChannel held = channel;
            FileLock taken = lock;
            return new StateStore.Lock(() -> {
                held.truncate(0);
                taken.release();
                held.close();
            });
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new UncheckedIOException("cannot lock " + lockFile, e);
        }
    }

    /**
     * PostgreSQL: a session-level advisory lock, so it works across machines, taken on a session of its own that
     * lives as long as the lock (the server releases it when that session ends, also when the process dies). The
     * session's application_name describes the holder, which a second taker reads from pg_stat_activity.
     * Advisory locks are per database; the key pair is a fixed Quarry id and the schema's hash.
     */
    static StateStore.Lock advisory(
            ProjectConfig.StateConnection.Postgres postgres, String schema, String where, String purpose) {
        int key = schema.hashCode() & 0x7fffffff;
        Connection session = null;
        try {
            // application_name keeps 63 bytes; the start time comes from pg_stat_activity instead.
            String owner = purpose + " by pid " + ProcessHandle.current().pid() + " on " + host();
            session = StateStore.postgresSession(postgres, owner.length() > 63 ? owner.substring(0, 63) : owner);
            boolean taken;
            try (PreparedStatement ps = session.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                ps.setInt(1, ADVISORY_CLASS);
                ps.setInt(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    taken = rs.next() && rs.getBoolean(1);
                }
            }
            if (!taken) {
                String holder = "";
                try (PreparedStatement ps = session.prepareStatement(
                        "SELECT a.application_name, a.backend_start FROM pg_locks l "
                                + "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
                                + "AND l.classid = ?::int4::oid AND l.objid = ?::int4::oid AND l.objsubid = 2 "
                                + "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
                    ps.setInt(1, ADVISORY_CLASS);
                    ps.setInt(2, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            holder = rs.getString(1) + " since "
                                    + rs.getObject(2, java.time.OffsetDateTime.class)
                                            .toInstant();
                        }
                    }
                }
                session.close();
                throw busy(where, holder);
            }
            Connection held = session;
            return new StateStore.Lock(held::close);
        } catch (SQLException e) {
            if (session != null) {
                try {
                    session.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new RunException("cannot lock the state " + where + ": " + Secrets.scrub(e.getMessage()), e);
        }
    }

    private static RunException busy(String where, String holder) {
        return new RunException("another plan or run is changing the state " + where + " ("
                + (holder.isEmpty() ? "holder unknown" : holder) + "); wait for it to finish and try again");
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }
}
