package org.opora.school.importing;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.opora.testing.OporaTestApp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class ScratchPlanTest {
    @Test
    void plans() {
        try (Session session = OporaTestApp.driver().session()) {
            for (String q : List.of(SchoolDataImporter.MERGE_RESULTS, SchoolDataImporter.MERGE_SCHOOLS, SchoolDataImporter.MERGE_INDICATORS)) {
                var plan = session.run("EXPLAIN " + q, Map.of("rows", List.of())).consume().plan();
                System.out.println("PLAN\n" + print(plan, ""));
            }
        }
    }
    @Test
    void national() {
        if (!java.nio.file.Files.isDirectory(java.nio.file.Path.of("/tmp/national10"))) return;
        SchoolDataImporter importer = OporaTestApp.bean(SchoolDataImporter.class);
        Runtime rt = Runtime.getRuntime();
        Thread watcher = new Thread(() -> {
            long max = 0;
            while (!Thread.currentThread().isInterrupted()) {
                max = Math.max(max, rt.totalMemory() - rt.freeMemory());
                System.out.println("HEAP used MB " + (rt.totalMemory() - rt.freeMemory()) / 1_000_000 + " max " + max / 1_000_000);
                try { Thread.sleep(5000); } catch (InterruptedException e) { return; }
            }
        });
        watcher.setDaemon(true);
        watcher.start();
        long t = System.nanoTime();
        importer.importDirectory(java.nio.file.Path.of("/tmp/national10")).forEach(r -> System.out.println("REPORT " + r));
        System.out.println("TOTAL ms " + (System.nanoTime() - t) / 1_000_000);
        watcher.interrupt();
    }

    static String print(org.neo4j.driver.summary.Plan p, String indent) {
        StringBuilder b = new StringBuilder(indent + p.operatorType() + " " + p.arguments().getOrDefault("Details", null) + "\n");
        for (var c : p.children()) b.append(print(c, indent + "  "));
        return b.toString();
    }
}
