package org.flashdeconv.bench.accuracy;

import java.lang.reflect.InvocationTargetException;
import java.util.List;

/**
 * The methods the accuracy benchmark knows by name. A new method is one class implementing {@link Method} with a
 * public no-argument constructor: add a line to {@link #byName}, or give its fully qualified class name to
 * {@code --methods} without touching this file.
 */
public final class Methods {
    /** What a default run scores. */
    public static final List<String> DEFAULT = List.of("flashdeconv", "nnls", "nnls-weighted");

    private Methods() {
    }

    /**
     * The method called {@code name}: {@code flashdeconv}, {@code counts}, {@code nnls}, {@code nnls-weighted}, {@code oracle}, or a
     * class name containing a dot.
     *
     * @throws IllegalArgumentException if no method has that name or the class cannot be instantiated
     */
    public static Method byName(String name) {
        return switch (name) {
            case "flashdeconv" -> new FlashDeconvMethod();
            case "nnls" -> new NnlsMethod();
            case "nnls-weighted" -> NnlsMethod.weighted();
            case "oracle" -> new OracleMethod();
            case "counts" -> FlashDeconvMethod.counts();
            default -> {
                if (!name.contains(".")) {
                    throw new IllegalArgumentException("unknown method '" + name
                            + "': expected flashdeconv, counts, nnls, nnls-weighted, oracle or a class name");
                }
                yield instantiate(name);
            }
        };
    }

    private static Method instantiate(String className) {
        try {
            Class<?> c = Class.forName(className);
            if (!Method.class.isAssignableFrom(c)) {
                throw new IllegalArgumentException("method class " + className + " does not implement "
                        + Method.class.getName());
            }
            return (Method) c.getConstructor().newInstance();
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                 | InvocationTargetException e) {
            throw new IllegalArgumentException("method class " + className + " cannot be created: " + e, e);
        }
    }
}
