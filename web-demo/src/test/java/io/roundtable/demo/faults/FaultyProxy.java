package io.roundtable.demo.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy on loopback between a client and a node that can blackhole the network: while cut, no byte
 * moves in either direction, on open connections and on new ones (they are accepted, as a kernel would,
 * but reach the node only when the network is back). Nothing is dropped or reordered: bytes held during
 * the cut flow when it heals, as TCP would deliver them after retransmitting — unless an end gave up on
 * the connection meanwhile, which is exactly what the test is about.
 */
final class FaultyProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int upstreamPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faulty-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private volatile boolean cut;
    private volatile boolean closed;

    private FaultyProxy(ServerSocket server, int upstreamPort) {
        this.server = server;
        this.upstreamPort = upstreamPort;
    }

    static FaultyProxy to(int upstreamPort) throws IOException {
        FaultyProxy proxy = new FaultyProxy(new ServerSocket(0, 200, InetAddress.getLoopbackAddress()), upstreamPort);
        proxy.threads.submit(proxy::accept);
        return proxy;
    }

    String base() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** From now on nothing gets through, either way. */
    void blackhole() {
        cut = true;
    }

    /** The network is back: what was held flows on. */
    void heal() {
        synchronized (gate) {
            cut = false;
            gate.notifyAll();
        }
    }

    private void awaitOpen() throws InterruptedException {
        synchronized (gate) {
            while (cut && !closed) {
                gate.wait(100);
            }
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                threads.submit(() -> connect(client));
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    private void connect(Socket client) {
        try {
            awaitOpen();
            Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
            sockets.add(upstream);
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger(2);
            threads.submit(() -> pump(client, upstream, open));
            threads.submit(() -> pump(upstream, client, open));
        } catch (IOException | InterruptedException e) {
            closeQuietly(client);
        }
    }

    /** Copies one direction; when both directions of a pair have ended, both sockets are closed. */
    private void pump(Socket from, Socket to, java.util.concurrent.atomic.AtomicInteger open) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            while (true) {
                awaitOpen();
                int n = in.read(buffer);
                if (n < 0) {
                    awaitOpen();
                    to.shutdownOutput();
                    break;
                }
                awaitOpen();
                out.write(buffer, 0, n);
                out.flush();
            }
            if (open.decrementAndGet() == 0) {
                closeQuietly(from);
                closeQuietly(to);
            }
        } catch (IOException | InterruptedException e) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        heal();
        server.close();
        sockets.forEach(FaultyProxy::closeQuietly);
        threads.shutdownNow();
    }
}
