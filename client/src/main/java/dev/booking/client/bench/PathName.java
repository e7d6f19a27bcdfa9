package dev.booking.client.bench;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Arrays;

/** The two ways a load reaches the engine; the output names the one a run took. */
enum PathName {
    CLIENT("client"), REST("rest");

    private final String label;

    PathName(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static final class Converter implements ITypeConverter<PathName> {
        @Override
        public PathName convert(String value) {
            return Arrays.stream(values()).filter(p -> p.label.equals(value)).findFirst()
                    .orElseThrow(() -> new TypeConversionException("'" + value + "' is not a path: client or rest"));
        }
    }
}
