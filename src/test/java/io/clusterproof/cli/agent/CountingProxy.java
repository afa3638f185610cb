package io.clusterproof.cli.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A TCP proxy on a loopback port in front of the test's server: it counts the bytes the agent
 * sends, as they go over the wire, and can be taken down (connections refused, open ones cut) and
 * brought up again on the same port, for a server outage the agent sees exactly as a real one.
 */
final class CountingProxy implements AutoCloseable {

    private final int target;
    private final AtomicLong sent = new AtomicLong();
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        var thread = new Thread(task, "counting-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final int port;
    private @Nullable ServerSocket listening;
    private Future<?> acceptor = CompletableFuture.completedFuture(null);

    CountingProxy(int target) throws IOException {
        this.target = target;
        var socket = listen(0);
        this.port = socket.getLocalPort();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Bytes the clients sent through the proxy so far, HTTP headers included. */
    long bytesSent() {
        return sent.get();
    }

    /** Whether a connection to the proxy's port is taken now. */
    boolean reachable() {
        try (var probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Refuses new connections and cuts the open ones, as a server that went away. */
    synchronized void down() throws IOException {
        if (listening != null) {
            listening.close();
            listening = null;
            // a ServerSocket closed while another thread waits in accept() is only closed for good
            // once that thread has left accept(): until then the port still takes connections
            try {
                acceptor.get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("the proxy's port did not close", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while closing the proxy's port", e);
            }
        }
        for (var socket : open) {
            socket.close();
        }
        open.clear();
    }

    synchronized void up() throws IOException {
        if (listening == null) {
            listen(port);
        }
    }

    private synchronized ServerSocket listen(int on) throws IOException {
        var socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), on));
        listening = socket;
        acceptor = threads.submit(() -> accept(socket));
        return socket;
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                var client = socket.accept();
                if (socket.isClosed()) {
                    client.close();
                    return;
                }
                var server = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(server);
                threads.execute(() -> pump(client, server, true));
                threads.execute(() -> pump(server, client, false));
            } catch (IOException e) {
                // closed by down() or close()
            }
        }
    }

    private void pump(Socket from, Socket to, boolean counted) {
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            var buffer = new byte[16 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (counted) {
                    sent.addAndGet(n);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            close(from);
            close(to);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        down();
        threads.shutdownNow();
    }
}
