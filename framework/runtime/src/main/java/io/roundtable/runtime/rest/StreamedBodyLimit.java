package io.roundtable.runtime.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import io.roundtable.runtime.config.RoundtableConfig;

/**
 * {@link OversizeBodies} refuses a body whose {@code Content-Length} is over
 * {@code roundtable.limits.max-body-bytes}; a chunked body has no length up front, so it is counted
 * here, before it is parsed, and refused with the same typed {@code request/too_large} (413).
 * (The body is already in memory, bounded by {@code quarkus.http.limits.max-body-size}.)
 */
@Provider
public class StreamedBodyLimit implements ReaderInterceptor {
    /** Looked up at the first read: providers are built before the configuration mapping is ready. */
    private final Instance<RoundtableConfig> config;

    public StreamedBodyLimit(Instance<RoundtableConfig> config) {
        this.config = config;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        int limit = config.get().limits().maxBodyBytes();
        byte[] body = context.getInputStream().readNBytes(limit + 1);
        if (body.length > limit) {
            throw new WebApplicationException(413);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
