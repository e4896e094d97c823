package io.roundtable.core.spi;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/** Reads the concrete type arguments a rules class gives {@link GameRules}, so authors need not repeat them. */
final class TypeArguments {
    private TypeArguments() {
    }

    @SuppressWarnings("unchecked")
    static <T> Class<T> of(Class<?> rulesClass, int index, String method) {
        for (Class<?> c = rulesClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type type : c.getGenericInterfaces()) {
                if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == GameRules.class) {
                    Type argument = parameterized.getActualTypeArguments()[index];
                    if (argument instanceof Class<?> concrete) {
                        return (Class<T>) concrete;
                    }
                    if (argument instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
                        return (Class<T>) raw;
                    }
                }
            }
        }
        throw new IllegalStateException(rulesClass.getName() + " does not name its GameRules type arguments as classes;"
                + " implement " + method + "() yourself");
    }
}
