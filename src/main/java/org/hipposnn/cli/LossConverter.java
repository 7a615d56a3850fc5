package org.hipposnn.cli;

import org.hipposnn.engine.Losses;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** "bce", "dice", "bce-dice" (as the paper names them) to {@link Losses.Kind}. */
final class LossConverter implements ITypeConverter<Losses.Kind> {
    @Override
    public Losses.Kind convert(String value) {
        try {
            return Losses.Kind.of(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
