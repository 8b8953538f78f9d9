package org.opora.support.events;

import jakarta.inject.Singleton;
import org.opora.platform.neo4j.SchemaMigration;

import java.util.List;

/** Constraints and indexes of events, registrations, the course catalogue and school roles. */
@Singleton
public class EventSchema implements SchemaMigration {

    @Override
    public String id() {
        return "063-support-events";
    }

    @Override
    public List<String> statements() {
        return List.of(
                "CREATE CONSTRAINT support_event_id IF NOT EXISTS FOR (e:SupportEvent) REQUIRE e.id IS UNIQUE",
                "CREATE CONSTRAINT event_registration_id IF NOT EXISTS FOR (r:EventRegistration) REQUIRE r.id IS UNIQUE",
                "CREATE CONSTRAINT event_registration_key IF NOT EXISTS FOR (r:EventRegistration) REQUIRE r.key IS UNIQUE",
                "CREATE CONSTRAINT catalogue_course_id IF NOT EXISTS FOR (c:CatalogueCourse) REQUIRE c.id IS UNIQUE",
                "CREATE CONSTRAINT school_role_key IF NOT EXISTS FOR (x:SchoolRole) REQUIRE x.key IS UNIQUE",
                "CREATE INDEX school_role_region IF NOT EXISTS FOR (x:SchoolRole) ON (x.regionId)",
                "CREATE INDEX support_event_region IF NOT EXISTS FOR (e:SupportEvent) ON (e.regionId, e.startDate)",
                "CREATE INDEX event_registration_event IF NOT EXISTS FOR (r:EventRegistration) ON (r.eventId)",
                "CREATE INDEX event_registration_school IF NOT EXISTS FOR (r:EventRegistration) ON (r.schoolId)",
                "CREATE INDEX event_registration_teacher IF NOT EXISTS FOR (r:EventRegistration) ON (r.teacherId)",
                "CREATE INDEX catalogue_course_region IF NOT EXISTS FOR (c:CatalogueCourse) ON (c.regionId)");
    }
}
