package org.opora.platform.graphql;

import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderOptions;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.MappedBatchLoader;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Builds the DataLoaders of one request from every feature's {@link EntityLoader}. */
final class RequestLoaders {

    /** Large enough for any page (first ≤ 200) times a list, small enough for one Cypher parameter list. */
    private static final int MAX_BATCH = 2_000;

    private final List<EntityLoader<?, ?>> loaders;

    RequestLoaders(List<EntityLoader<?, ?>> loaders) {
        this.loaders = loaders;
    }

    DataLoaderRegistry newRegistry() {
        DataLoaderRegistry registry = new DataLoaderRegistry();
        DataLoaderOptions options = DataLoaderOptions.newOptions().setMaxBatchSize(MAX_BATCH);
        for (EntityLoader<?, ?> loader : loaders) {
            registry.register(loader.name(), DataLoaderFactory.newMappedDataLoader(batch(loader), options));
        }
        return registry;
    }

    /** The batch runs synchronously on the dispatching (request) thread, inside the request's time budget. */
    private static <K, V> MappedBatchLoader<K, V> batch(EntityLoader<K, V> loader) {
        return keys -> {
            try {
                return CompletableFuture.completedFuture(loader.batch().apply(keys));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        };
    }
}
