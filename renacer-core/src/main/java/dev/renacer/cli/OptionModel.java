package dev.renacer.cli;

import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Range;

/**
 * The pieces of renacer's command-line model, which is built by hand ({@link RenacerCommand#spec}) instead of
 * from annotations: picocli's annotated model reads every field and method of each options class and of
 * java.lang.Object, parses their annotations and spins a dynamic proxy class for each annotation type, about a
 * third of the JVM's start (README, Performance, Start-up). Each option is bound to a field of its options
 * class by a {@link Field}; the rest of the class reads its fields as before.
 */
final class OptionModel {
    private OptionModel() {}

    /**
     * An option with these names whose field keeps the value it was given in Java until the option is met:
     * picocli's default would set every bound field to the builder's initial value, null, before parsing.
     */
    static OptionSpec.Builder option(String... names) {
        return OptionSpec.builder(names).hasInitialValue(false);
    }

    /**
     * A flag counted by repetition ({@code -f}, {@code -ff}; {@code -qqq}), bound to a {@code boolean[]} that
     * gets one element per occurrence, with the arity picocli gives such an annotated field.
     */
    static OptionSpec.Builder repeatable(String name) {
        return option(name).type(boolean[].class).arity(Range.valueOf("0").unspecified(true));
    }

    /** {@code builder} bound to {@code field}: picocli reads and sets the option's value through it. */
    static OptionSpec bound(OptionSpec.Builder builder, Field<?> field) {
        return builder.getter(field).setter(field).build();
    }

    /**
     * A field of an options class as picocli reads and sets it: one anonymous class per option, not a pair of
     * lambdas (each lambda's first use links an invokedynamic call site at every start; see ArgDecoder).
     */
    abstract static class Field<V> implements IGetter, ISetter {
        /** The field's value now. */
        abstract V value();

        /** Sets the field; for a multi-valued option, to the whole array or list picocli has made. */
        abstract void accept(V value);

        @Override
        @SuppressWarnings("unchecked")
        public final <T> T get() {
            return (T) value();
        }

        @Override
        @SuppressWarnings("unchecked")
        public final <T> T set(T value) {
            T old = get();
            accept((V) value);
            return old;
        }
    }

    /** An option that runs an action each time it is met, in command-line order, and keeps no value. */
    abstract static class Action<V> extends Field<V> {
        @Override
        final V value() {
            return null;
        }
    }
}
