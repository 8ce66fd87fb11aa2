package org.herald.server;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.herald.server.config.ConfigException;
import org.herald.server.config.ConfigLoader;
import org.herald.server.config.HeraldConfig;
import org.herald.server.storage.StorageRuntime;
import org.herald.sip.auth.User;
import org.herald.sip.message.Aor;
import org.herald.sip.store.mongo.MongoUserStore;

/**
 * The command line: {@code run} starts the server; {@code user add|remove|list} manages SIP users
 * (through the running server's embedded MongoDB when one is up, else directly in the data directory).
 */
public final class Herald {
    private Herald() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        try {
            HeraldConfig config = loadConfig(rest);
            switch (args[0]) {
                case "run" -> run(config, rest);
                case "user" -> System.exit(user(config, rest));
                default -> {
                    usage();
                    System.exit(2);
                }
            }
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("herald: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Takes --config FILE and --set k=v out of the arguments and builds the configuration. */
    static HeraldConfig loadConfig(List<String> args) {
        Path file = null;
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < args.size(); ) {
            String a = args.get(i);
            if ((a.equals("--config") || a.equals("--set")) && i + 1 < args.size()) {
                if (a.equals("--config")) file = Path.of(args.get(i + 1));
                else sets.add(args.get(i + 1));
                args.remove(i);
                args.remove(i);
            } else if (a.startsWith("--set=")) {
                sets.add(a.substring(6));
                args.remove(i);
            } else {
                i++;
            }
        }
        return ConfigLoader.load(file, sets, System.getenv());
    }

    private static void run(HeraldConfig config, List<String> rest) throws InterruptedException {
        if (!rest.isEmpty()) throw new IllegalArgumentException("unexpected arguments: " + rest);
        org.herald.server.ops.Logging.apply(config.log());
        HeraldServer server = HeraldServer.start(config, InstantSource.system());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "herald-shutdown"));
        stopped.await();
    }

    private static int user(HeraldConfig config, List<String> args) throws Exception {
        if (args.isEmpty()) {
            usage();
            return 2;
        }
        try (StorageRuntime storage = StorageRuntime.attach(config.storage())) {
            var users = new MongoUserStore(storage.documents());
            switch (args.get(0)) {
                case "add" -> {
                    if (args.size() < 2) throw new IllegalArgumentException("user add AOR [--password P]");
                    Aor aor = Aor.parse(args.get(1));
                    if (aor.user().isEmpty()) throw new IllegalArgumentException("an AOR looks like alice@example.com");
                    String password = args.size() >= 4 && args.get(2).equals("--password") ? args.get(3) : readPassword();
                    users.save(User.withPassword(aor, password));
                    System.out.println("user " + aor + " saved");
                }
                case "remove" -> {
                    if (args.size() < 2) throw new IllegalArgumentException("user remove AOR");
                    boolean removed = users.remove(Aor.parse(args.get(1)));
                    System.out.println(removed ? "user " + args.get(1) + " removed" : "no user " + args.get(1));
                    return removed ? 0 : 1;
                }
                case "list" -> users.list().forEach(u -> System.out.println(u.aor()));
                default -> throw new IllegalArgumentException("user add|remove|list");
            }
        }
        return 0;
    }

    private static String readPassword() throws Exception {
        Console console = System.console();
        if (console != null) return new String(console.readPassword("password: "));
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) throw new IllegalArgumentException("no password given");
        return line;
    }

    private static void usage() {
        System.err.println("""
                usage: herald run [--config FILE] [--set key=value ...]
                       herald user add AOR [--password P] | remove AOR | list   [--config FILE] [--set key=value ...]""");
    }
}
