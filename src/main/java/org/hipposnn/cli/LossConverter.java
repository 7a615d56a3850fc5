package org.hipposnn.cli;

import java.util.Locale;
import org.hipposnn.engine.Losses;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** "bce", "dice", "bce-dice" (as the paper names them) to {@link Losses.Kind}. */
final class LossConverter implements ITypeConverter<Losses.Kind> {
    @Override
    public Losses.Kind convert(String value) {
        try {
            return Losses.Kind.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not a loss; use bce, dice or bce-dice");
        }
    }
}
