package org.strokemeta.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The first handler of every request, before the application: it adds the security headers, refuses a
 * Host that is not this server's (DNS rebinding) and a state-changing request from another web page
 * (Origin or Sec-Fetch-Site), and reads a request body in full, without holding a thread while it
 * arrives, before the application sees it. A body larger than the limit is refused as it arrives (413),
 * one that has not fully arrived within the upload time limit is refused (408) and its connection
 * closed, and when too many bodies over 64 KB are still arriving, a new one that does not arrive at
 * once is refused (503). Slow or stalled clients therefore hold neither threads nor more memory than the
 * limit, and the application never blocks reading.
 */
final class RequestGuard extends Handler.Wrapper {
    /** Headers of every response. The page's script and style are files of this server, not inline. */
    static final Map<String, String> SECURITY_HEADERS = securityHeaders();
    /** A body announced at most this large is not counted among the uploads arriving (it holds little memory). */
    static final long SMALL_BODY = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String boundHost;
    private final long maxBody;
    private final Duration uploadTimeout;
    private final int maxUploads;
    private final AtomicInteger uploads = new AtomicInteger();

    /**
     * @param boundHost     the address the server is bound to (also accepted in the Host header)
     * @param maxBody       largest request body in bytes
     * @param uploadTimeout longest time for a request body to arrive
     * @param maxUploads    request bodies over 64 KB still arriving at once (one that arrives in full at once is not counted)
     */
    RequestGuard(String boundHost, long maxBody, Duration uploadTimeout, int maxUploads) {
        this.boundHost = boundHost == null ? "" : boundHost.trim().toLowerCase(Locale.ROOT);
        this.maxBody = maxBody;
        this.uploadTimeout = uploadTimeout;
        this.maxUploads = maxUploads;
    }

    private static Map<String, String> securityHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Referrer-Policy", "no-referrer");
        h.put("Cross-Origin-Resource-Policy", "same-origin");
        return Map.copyOf(h);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        SECURITY_HEADERS.forEach((k, v) -> response.getHeaders().put(k, v));
        String refusal = hostRefusal(request);
        if (refusal == null) {
            refusal = originRefusal(request);
        }
        if (refusal != null) {
            refuse(response, callback, HttpStatus.FORBIDDEN_403, refusal, true, 0);
            return true;
        }
        long length = request.getLength();
        boolean body = length > 0 || length < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (!body) {
            return super.handle(request, response, callback);
        }
        if (length > maxBody) {
            refuse(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, tooLarge(), true, 0);
            return true;
        }
        new Upload(request, response, callback).run();
        return true;
    }

    private String tooLarge() {
        return "the upload is larger than " + WebApp.MAX_BYTES / (1024 * 1024) + " MB";
    }

    /** Why the Host header is not this server's, or null when it is. */
    String hostRefusal(Request request) {
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (host == null || host.isBlank()) {
            return "the request has no Host header";
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        String name;
        String port;
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            name = end < 0 ? h : h.substring(0, end + 1);
            port = end < 0 || end + 1 >= h.length() ? "" : h.substring(end + 1);
        } else {
            int colon = h.indexOf(':');
            name = colon < 0 ? h : h.substring(0, colon);
            port = colon < 0 ? "" : h.substring(colon);
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        int localPort = Request.getLocalPort(request);
        String expectedPort = localPort == 80 ? "" : ":" + localPort;
        boolean portOk = port.equals(expectedPort) || port.equals(":" + localPort);
        if (!portOk || !hostAllowed(name)) {
            return "the Host header '" + host.trim() + "' is not this server's (open http://127.0.0.1:" + localPort
                    + "/ or http://localhost:" + localPort + "/)";
        }
        return null;
    }

    private boolean hostAllowed(String name) {
        if (name.equals("localhost") || name.equals("127.0.0.1") || name.equals("[::1]")) {
            return true;
        }
        String bound = boundHost.contains(":") && !boundHost.startsWith("[") ? "[" + boundHost + "]" : boundHost;
        if (!bound.isEmpty() && name.equals(bound)) {
            return true;
        }
        // bound to every interface: any address written as an IP literal (a DNS name could be rebound)
        boolean wildcard = bound.isEmpty() || bound.equals("0.0.0.0") || bound.equals("[::]") || bound.equals("[0:0:0:0:0:0:0:0]");
        return wildcard && (name.matches("\\d{1,3}(\\.\\d{1,3}){3}") || name.matches("\\[[0-9a-f:.]+\\]"));
    }

    /** Why a state-changing request comes from another web page, or null when it does not. */
    static String originRefusal(Request request) {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return null;
        }
        String site = request.getHeaders().get("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            return "requests sent by other web pages are refused (Sec-Fetch-Site: " + site.trim() + ")";
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (origin != null && !origin.trim().equalsIgnoreCase("http://" + host.trim())) {
            return "requests sent by other web pages are refused (Origin: " + origin.trim() + ")";
        }
        return null;
    }

    /** Writes a JSON error; with close, the connection is closed afterwards (its body is not read). */
    static void refuse(Response response, Callback callback, int status, String message, boolean close, int retryAfter) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        if (close) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        if (retryAfter > 0) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Integer.toString(retryAfter));
        }
        Content.Sink.write(response, true, JSON.createObjectNode().put("error", message).toString(), callback);
    }

    /** A request body read as it arrives (on demand, holding no thread in between) up to the size and time limits. */
    private final class Upload implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final ByteArrayOutputStream body;
        private final AtomicBoolean over = new AtomicBoolean();
        private final long start = System.nanoTime();
        private volatile boolean counted;
        private volatile Scheduler.Task timer;
        private long received;

        Upload(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            // grown as bytes arrive: a client announcing a large body and sending little holds little
            this.body = new ByteArrayOutputStream((int) Math.min(Math.max(request.getLength(), 0), 65_536));
        }

        /** Reads what has arrived; asks to be called again when more arrives. */
        @Override
        public void run() {
            while (!over.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    if (timer == null && !startWaiting()) {
                        return;
                    }
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    if (finish()) {
                        refuse(response, callback, HttpStatus.REQUEST_TIMEOUT_408, "the upload stopped arriving", true, 0);
                    }
                    return;
                }
                ByteBuffer b = chunk.getByteBuffer();
                received += b.remaining();
                if (received > maxBody) {
                    chunk.release();
                    if (finish()) {
                        refuse(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, tooLarge(), true, 0);
                    }
                    return;
                }
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                body.write(bytes, 0, bytes.length);
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    if (finish()) {
                        dispatch();
                    }
                    return;
                }
            }
        }

        /**
         * The body has not arrived in full at once: it now counts among the uploads arriving and must
         * arrive within the upload time limit. False when too many are arriving (the request is refused).
         */
        private boolean startWaiting() {
            long length = request.getLength();
            boolean small = length >= 0 && length <= SMALL_BODY;
            if (!small && uploads.incrementAndGet() > maxUploads) {
                uploads.decrementAndGet();
                if (over.compareAndSet(false, true)) {
                    refuse(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "the server is receiving " + maxUploads
                            + " uploads already; try again in a moment", true, Jobs.RETRY_AFTER_SECONDS);
                }
                return false;
            }
            counted = !small;
            long left = Math.max(1, uploadTimeout.toNanos() - (System.nanoTime() - start));
            timer = request.getComponents().getScheduler().schedule(this::expire, left, TimeUnit.NANOSECONDS);
            return true;
        }

        private void expire() {
            if (finish()) {
                refuse(response, callback, HttpStatus.REQUEST_TIMEOUT_408, "the upload did not arrive within "
                        + Jobs.seconds(uploadTimeout) + "; the connection is closed", true, 0);
            }
        }

        /** True for the one caller that ends the upload (complete, refused or expired). */
        private boolean finish() {
            if (!over.compareAndSet(false, true)) {
                return false;
            }
            Scheduler.Task t = timer;
            if (t != null) {
                t.cancel();
            }
            if (counted) {
                uploads.decrementAndGet();
            }
            return true;
        }

        private void dispatch() {
            Request buffered = new Buffered(request, body.toByteArray());
            try {
                if (!RequestGuard.super.handle(buffered, response, callback)) {
                    Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                }
            } catch (Throwable t) {
                Response.writeError(request, response, callback, t);
            }
        }
    }

    /** The request with its body already in memory. */
    private static final class Buffered extends Request.Wrapper {
        private final ByteBufferContentSource content;

        Buffered(Request request, byte[] body) {
            super(request);
            this.content = new ByteBufferContentSource(ByteBuffer.wrap(body));
        }

        @Override
        public long getLength() {
            return content.getLength();
        }

        @Override
        public Content.Chunk read() {
            return content.read();
        }

        @Override
        public void demand(Runnable demandCallback) {
            content.demand(demandCallback);
        }

        @Override
        public void fail(Throwable failure) {
            content.fail(failure);
        }

        @Override
        public boolean consumeAvailable() {
            while (true) {
                Content.Chunk c = content.read();
                if (c == null || c.isLast()) {
                    if (c != null) {
                        c.release();
                    }
                    return true;
                }
                c.release();
            }
        }
    }
}
