package dev.workerhost.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The TCP sockets one process listens on, read from {@code /proc} (what {@code ss -ltnp} shows for it). */
final class ListeningSockets {

    private static final String LISTEN = "0A";

    /** One listening socket: its local address and port. */
    record Listener(InetAddress address, int port) {

        boolean isLoopback() {
            return address.isLoopbackAddress();
        }

        @Override
        public String toString() {
            return address.getHostAddress() + ":" + port;
        }
    }

    private ListeningSockets() {
    }

    static List<Listener> of(long pid) {
        Set<String> inodes = socketInodes(pid);
        List<Listener> listeners = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            for (String line : lines(Path.of("/proc", String.valueOf(pid), "net", table))) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 9 && fields[3].equals(LISTEN) && inodes.contains(fields[9])) {
                    String[] local = fields[1].split(":");
                    listeners.add(new Listener(address(local[0]), Integer.parseInt(local[1], 16)));
                }
            }
        }
        return listeners;
    }

    private static Set<String> socketInodes(long pid) {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String link = Files.readSymbolicLink(fd).toString();
                    if (link.startsWith("socket:[")) {
                        inodes.add(link.substring("socket:[".length(), link.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while we listed them is no listener
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inodes;
    }

    /** /proc/net/tcp writes an address as 32-bit words in host (little-endian) byte order. */
    private static InetAddress address(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = (word * 4 + 3 - i) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("not an address: " + hex, e);
        }
    }

    private static List<String> lines(Path table) {
        try {
            if (!Files.isRegularFile(table)) {
                return List.of();
            }
            List<String> lines = Files.readAllLines(table);
            return lines.subList(1, lines.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
