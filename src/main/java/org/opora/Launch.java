package org.opora;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the command line asks the jar to do. Parsed before anything starts, so that a wrong command is refused in one
 * line, and so that only server modes hand arguments to Micronaut (which reads {@code --name=value} as properties).
 *
 * @param mode      the mode
 * @param arguments the mode's own arguments (import directory; dataset, input and output of a mapping; generator
 *                  options; Micronaut's {@code --name=value} options for the server modes)
 */
public record Launch(Mode mode, List<String> arguments) {

    public enum Mode { SERVER, DEMO, IMPORT, MAP, GENERATE, HELP }

    public static final String USAGE = """
            Использование:
              java -jar opora.jar                          сервер
              java -jar opora.jar --demo                   сервер с демо-регионом
              java -jar opora.jar --import DIR             загрузить schools.csv, results.csv, indicators.csv каталога и выйти
              java -jar opora.jar --map DATASET IN OUT [--limit N]
                                                           преобразовать открытый набор данных (nyc, england-ks4, england-ks2)
                                                           в файлы импорта и выйти
              java -jar opora.jar --generate [--national] [--out DIR] [параметры генератора]
                                                           создать синтетические данные (--national: 40 000 школ) и выйти
              java -jar opora.jar --help                   эта справка
            Подробности: README.md, docs/data-formats.md""";

    /** @throws IllegalArgumentException with a one-line message naming what is wrong */
    public static Launch parse(String... args) {
        List<String> all = Arrays.asList(args);
        if (all.isEmpty()) {
            return new Launch(Mode.SERVER, List.of());
        }
        String first = all.get(0);
        List<String> rest = all.subList(1, all.size());
        return switch (first) {
            case "--help", "-h" -> new Launch(Mode.HELP, List.of());
            case "--import" -> {
                if (rest.size() != 1 || rest.get(0).startsWith("--")) {
                    throw new IllegalArgumentException("--import ждёт ровно один аргумент: каталог с файлами CSV");
                }
                yield new Launch(Mode.IMPORT, List.copyOf(rest));
            }
            case "--map" -> {
                boolean limited = rest.size() == 5 && rest.get(3).equals("--limit");
                if (rest.size() != 3 && !limited) {
                    throw new IllegalArgumentException("--map ждёт аргументы: DATASET IN OUT [--limit N]");
                }
                if (limited && !rest.get(4).matches("\\d{1,9}")) {
                    throw new IllegalArgumentException("--limit ждёт целое число, указано: " + rest.get(4));
                }
                yield new Launch(Mode.MAP, List.copyOf(rest));
            }
            case "--generate" -> new Launch(Mode.GENERATE, List.copyOf(rest));
            default -> server(all);
        };
    }

    /** {@code --demo} and Micronaut's own {@code --name=value} options, in any order; anything else is refused. */
    private static Launch server(List<String> all) {
        boolean demo = false;
        List<String> micronaut = new ArrayList<>();
        for (String arg : all) {
            if (arg.equals("--demo")) {
                demo = true;
            } else if (arg.startsWith("--") && arg.indexOf('=') > 2) {
                micronaut.add(arg);
            } else {
                throw new IllegalArgumentException("неизвестный параметр: " + arg
                        + (arg.equals("--import") || arg.equals("--map") || arg.equals("--generate") ? " (он должен стоять первым)" : ""));
            }
        }
        return new Launch(demo ? Mode.DEMO : Mode.SERVER, List.copyOf(micronaut));
    }
}
