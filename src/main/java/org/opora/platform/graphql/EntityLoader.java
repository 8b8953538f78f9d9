package org.opora.platform.graphql;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A batch query for one kind of entity that child fields reach (a teacher's school, a school's teachers): every
 * request gets a fresh DataLoader per loader, so a list of N parents costs one query per level, not N, and an
 * entity asked for twice in one request is read once. The batch function runs on the request thread at
 * each level's dispatch.
 *
 * @param name  the DataLoader's name, used by {@link #load}
 * @param batch values by key for the keys that exist; a missing key resolves to null
 */
public record EntityLoader<K, V>(String name, Function<Collection<K>, Map<K, V>> batch) {

    /** The value for {@code key} through the request's loader named {@code name}; null for a null key. */
    public static <K, V> CompletableFuture<V> load(DataFetchingEnvironment env, String name, K key) {
        if (key == null) {
            return CompletableFuture.completedFuture(null);
        }
        DataLoader<K, V> loader = env.getDataLoader(name);
        if (loader == null) {
            throw new IllegalStateException("No DataLoader named " + name + " in this request");
        }
        return loader.load(key);
    }
}
