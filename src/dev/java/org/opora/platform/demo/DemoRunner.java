package org.opora.platform.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** In demo mode, loads every feature's demo data once the server is up and prints where to go. */
@Singleton
@Requires(property = "opora.demo", value = "true")
public class DemoRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoRunner.class);

    private final List<DemoDataLoader> loaders;

    public DemoRunner(List<DemoDataLoader> loaders) {
        this.loaders = loaders;
    }

    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        long started = System.nanoTime();
        List<String> lines = new ArrayList<>();
        for (DemoDataLoader loader : loaders.stream().sorted(Comparator.comparingInt(DemoDataLoader::order)).toList()) {
            long loaderStarted = System.nanoTime();
            lines.addAll(loader.load());
            // Per loader, for the start-up time budget of the demo (docs/benchmarks.md).
            LOG.info("Demo data: {} in {} ms", loader.getClass().getSimpleName(), (System.nanoTime() - loaderStarted) / 1_000_000);
        }
        long loadedMillis = (System.nanoTime() - started) / 1_000_000;
        // Loading leaves hundreds of MB of garbage (CSV rows, Cypher parameters, results). A full collection now lets G1
        // give the unused heap back to the system (it shrinks the heap after a full GC), so the idle demo keeps a small
        // footprint even when no -Xmx was given.
        System.gc();
        EmbeddedServer server = event.getSource();
        String base = server.getURL().toString();
        StringBuilder banner = new StringBuilder()
                .append("\n================ Опора: демо-режим ================\n")
                .append("GraphQL API:  ").append(base).append("/graphql (POST, Bearer token)\n")
                .append("GraphQL IDE:  ").append(base).append("/graphiql\n")
                .append("Вход:         POST ").append(base).append("/login {\"username\",\"password\"}\n")
                .append("Состояние:    ").append(base).append("/health\n");
        lines.forEach(line -> banner.append(line).append('\n'));
        banner.append("Демо-данные загружены за ").append(loadedMillis).append(" мс\n")
                .append("===================================================");
        // Printed to the console only: demo passwords are generated per start and never logged to files.
        System.out.println(banner);
        LOG.info("Demo ready at {}", base);
    }
}
