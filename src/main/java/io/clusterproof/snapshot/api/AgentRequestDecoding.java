package io.clusterproof.snapshot.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterproof.base.TooLargeException;
import io.clusterproof.snapshot.AgentProperties;
import io.clusterproof.snapshot.AgentPushService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Agents send their manifests (some 40 MB of JSON for 250,000 objects) and bodies gzip-compressed
 * ({@code Content-Encoding: gzip}). This inflates them as the endpoint reads, and counts what comes
 * out: past {@code clusterproof.snapshot.agent.max-request-bytes} the request is refused with 413
 * and a message saying so, so a small request that inflates to gigabytes (a gzip bomb) costs the
 * server no more than the limit. Uncompressed requests are held to the same limit.
 *
 * <p>Only a known agent gets that far: a request without a credential the server issued is
 * refused with 401 before a byte of its body is read. A registration, the one request a stranger
 * may make, holds a token and a public key, and is held to {@value #REGISTRATION_LIMIT} bytes.
 */
@Component
class AgentRequestDecoding extends OncePerRequestFilter {

    private static final String PREFIX = "/api/v1/agent/";
    private static final String REGISTRATIONS = PREFIX + "registrations";
    static final int REGISTRATION_LIMIT = 64 * 1024;

    private final AgentProperties properties;
    private final AgentPushService pushes;
    private final ObjectMapper json;

    AgentRequestDecoding(AgentProperties properties, AgentPushService pushes, ObjectMapper json) {
        this.properties = properties;
        this.pushes = pushes;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path(request).startsWith(PREFIX);
    }

    /**
     * The path as the endpoints are matched to it: decoded, so that {@code /api/v1/%61gent/pushes}
     * is an agent request here too, and not only to the controller.
     */
    private static String path(HttpServletRequest request) {
        return UrlPathHelper.defaultInstance.getPathWithinApplication(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var registration = path(request).equals(REGISTRATIONS);
        if (!registration) {
            var credential = AgentCredentials.presented(request.getHeader(HttpHeaders.AUTHORIZATION));
            if (credential == null) {
                problem(response, HttpStatus.UNAUTHORIZED, "Unauthenticated", AgentCredentials.MISSING);
                return;
            }
            if (!pushes.knows(credential)) {
                problem(response, HttpStatus.UNAUTHORIZED, "Unauthenticated", AgentCredentials.UNKNOWN);
                return;
            }
        }
        var encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
        var limit = registration ? REGISTRATION_LIMIT : properties.maxRequestBytes();
        var setting = registration
                ? "a registration holds a token and a public key"
                : "clusterproof.snapshot.agent.max-request-bytes";
        var what = "The request to " + path(request);
        if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
            chain.doFilter(
                    new Limited(
                            request,
                            false,
                            limit,
                            what + " is larger than " + size(limit) + " (" + setting + "); it is refused."),
                    response);
        } else if (encoding.trim().toLowerCase(Locale.ROOT).equals("gzip")) {
            chain.doFilter(
                    new Limited(
                            request,
                            true,
                            limit,
                            what + " expands past " + size(limit) + " once decompressed (" + setting
                                    + "); it is refused."),
                    response);
        } else {
            problem(
                    response,
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Unsupported encoding",
                    "Content-Encoding " + encoding.replaceAll("[^A-Za-z0-9 ,._-]", "")
                            + " is not supported; send gzip or no Content-Encoding.");
        }
    }

    private void problem(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getWriter(), problem);
    }

    private static String size(long bytes) {
        if (bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        return bytes % 1024 == 0 ? (bytes >> 10) + " KiB" : bytes + " bytes";
    }

    /** The request as the endpoint reads it: inflated if it was compressed, and counted. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final boolean compressed;
        private final long limit;
        private final String message;
        private @Nullable ServletInputStream stream;

        Limited(HttpServletRequest request, boolean compressed, long limit, String message) {
            super(request);
            this.compressed = compressed;
            this.limit = limit;
            this.message = message;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counted(super.getInputStream(), compressed, limit, message);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            var charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return compressed ? -1 : super.getContentLength();
        }

        @Override
        public long getContentLengthLong() {
            return compressed ? -1 : super.getContentLengthLong();
        }

        @Override
        public @Nullable String getHeader(String name) {
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            var names = Collections.list(super.getHeaderNames());
            names.removeIf(this::hidden);
            return Collections.enumeration(names);
        }

        /** Once inflated, the request has no encoding and no known length any more. */
        private boolean hidden(String name) {
            return compressed
                    && List.of(HttpHeaders.CONTENT_ENCODING, HttpHeaders.CONTENT_LENGTH).stream()
                            .anyMatch(name::equalsIgnoreCase);
        }
    }

    /** Inflates lazily (at the first read, so nothing is read before the endpoint asks) and counts. */
    private static final class Counted extends ServletInputStream {

        private final ServletInputStream raw;
        private final boolean compressed;
        private final long limit;
        private final String message;
        private @Nullable InputStream in;
        private long count;
        private boolean finished;

        Counted(ServletInputStream raw, boolean compressed, long limit, String message) {
            this.raw = raw;
            this.compressed = compressed;
            this.limit = limit;
            this.message = message;
        }

        private InputStream in() throws IOException {
            if (in == null) {
                in = compressed ? new GZIPInputStream(raw, 64 * 1024) : raw;
            }
            return in;
        }

        @Override
        public int read() throws IOException {
            var b = in().read();
            if (b < 0) {
                finished = true;
            } else {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            var n = in().read(buffer, offset, length);
            if (n < 0) {
                finished = true;
            } else {
                counted(n);
            }
            return n;
        }

        private void counted(long n) {
            count += n;
            if (count > limit) {
                throw new TooLargeException(message);
            }
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("agent requests are read blocking");
        }

        @Override
        public void close() throws IOException {
            if (in != null) {
                in.close();
            } else {
                raw.close();
            }
        }
    }
}
