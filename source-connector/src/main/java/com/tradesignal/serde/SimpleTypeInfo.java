package com.tradesignal.serde;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

import java.util.function.Supplier;

/** Type information that hands Flink one of the project's {@link VersionedSerializer}s instead of Kryo. */
public final class SimpleTypeInfo<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final VersionedSerializer<T> serializer;

    public SimpleTypeInfo(Class<T> type, VersionedSerializer<T> serializer) {
        this.type = type;
        this.serializer = serializer;
    }

    public static <T> SimpleTypeInfo<T> of(Class<T> type, Supplier<? extends VersionedSerializer<T>> serializer) {
        return new SimpleTypeInfo<>(type, serializer.get());
    }

    @Override public boolean isBasicType() { return false; }
    @Override public boolean isTupleType() { return false; }
    @Override public int getArity() { return 1; }
    @Override public int getTotalFields() { return 1; }
    @Override public Class<T> getTypeClass() { return type; }
    @Override public boolean isKeyType() { return false; }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return serializer;
    }

    @Override
    public String toString() {
        return type.getSimpleName() + "<" + serializer.getClass().getSimpleName() + " v" + serializer.currentVersion() + ">";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SimpleTypeInfo<?> other && other.type == type;
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof SimpleTypeInfo;
    }
}
