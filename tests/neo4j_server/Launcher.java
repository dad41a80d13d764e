// Embedded Neo4j 5 community DBMS for the test suite, run as a single-file source program:
//   java -cp '<libs>/*' <jvm flags> Launcher.java <dataDir> <port>
// Prints "NEO4J READY bolt://127.0.0.1:<port>" once the default database is available, then
// blocks; on SIGTERM it shuts the DBMS down and prints "NEO4J STOPPED". With
// -Dlauncher.exitOnStdinEof=true it also stops when its stdin closes (its parent died).

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

public final class Launcher {
    private static final String HOST = "127.0.0.1";
    private static final long AVAILABLE_TIMEOUT_MS = 150_000;

    private Launcher() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: Launcher.java <dataDir> <port>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        SocketAddress bolt = new SocketAddress(HOST, Integer.parseInt(args[1]));
        if (Boolean.getBoolean("launcher.exitOnStdinEof")) {
            watchStdin();
        }

        DatabaseManagementService dbms;
        try {
            dbms = start(home, bolt);
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            System.out.println("NEO4J STOPPED");
            System.out.flush();
            stopped.countDown();
        }, "neo4j-shutdown"));

        if (!dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable(AVAILABLE_TIMEOUT_MS)) {
            System.err.println("NEO4J FAILED: the default database did not become available");
            System.exit(1);
        }
        System.out.println("NEO4J READY bolt://" + bolt);
        System.out.flush();
        stopped.await();
    }

    private static DatabaseManagementService start(Path home, SocketAddress bolt) {
        return new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, bolt)
                .setConfig(BoltConnector.advertised_address, bolt)
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64))
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(1))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.preallocate_store_files, false)
                // Stop Bolt's Netty event loops without the default quiet period (~10 s in all).
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
                .build();
    }

    /** Exits (running the shutdown hook) once stdin reaches EOF, i.e. the parent process died. */
    private static void watchStdin() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // Discard input; only EOF matters.
                }
            } catch (IOException ignored) {
                // Treat a broken stdin like EOF.
            }
            System.exit(0);
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
