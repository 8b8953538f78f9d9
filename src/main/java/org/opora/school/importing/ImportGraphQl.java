package org.opora.school.importing;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ApiException;
import org.opora.platform.graphql.Arguments;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The upload of school data files (importSchoolData in graphql/school.graphqls, owned by the school feature). */
@Singleton
class ImportGraphQl implements GraphQlWiring {

    private final SchoolDataImporter importer;

    ImportGraphQl(SchoolDataImporter importer) {
        this.importer = importer;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of();
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Mutation", t -> t.dataFetcher("importSchoolData", this::importSchoolData));
    }

    private ImportReport importSchoolData(DataFetchingEnvironment env) {
        CurrentUser user = RequestContext.user(env);
        Arguments input = Arguments.of(env.getArgument("input"));
        FileKind kind = input.has("kind") ? FileKind.valueOf(input.string("kind")) : null;
        if (input.has("content") == input.has("path")) {
            throw ApiException.badInput("input: укажите ровно одно из полей content (текст CSV) или path (путь на сервере)");
        }
        if (input.has("path") && !user.isAdmin()) {
            throw ApiException.forbidden("Импорт из файла на сервере доступен только администратору");
        }
        if (!user.isAdmin() && user.scope().regionId() == null) {
            throw ApiException.forbidden("Загрузка данных доступна координатору своего региона");
        }
        try {
            ImportReport report;
            if (input.has("path")) {
                Path path = Path.of(input.string("path"));
                if (!Files.isRegularFile(path)) {
                    throw ApiException.badInput("input.path: файл не найден: " + path);
                }
                report = importer.importFile(kind, path);
            } else {
                // A regional coordinator uploads data of their own region only.
                report = importer.importCsv(kind, new StringReader(input.string("content")), user.isAdmin() ? null : user.scope().regionId());
            }
            return report;
        } catch (ImportRejectedException e) {
            List<Map<String, Object>> problems = e.errors().stream().map(RowError::toMap).toList();
            throw ApiException.badInput("Файл отклонён, ничего не записано: ошибок " + e.totalErrors()
                    + ". Первая: " + e.errors().get(0), problems);
        }
    }
}
