package io.github.oauthtoken.maven;

import io.github.oauthtoken.core.config.Parameter;
import io.github.oauthtoken.core.config.ParameterView;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;

/**
 * A goal's parameter fields as the core reads them: each {@link Parameter} is the field of the same name, as Maven
 * injected it (defaults applied, expressions expanded, files resolved against the project). So a new parameter is
 * a field in the goal and its meaning in the core's parser, nothing in between.
 */
public final class MojoParameters implements ParameterView {
    /** The parameter fields of each goal class, found once per class (Maven creates a goal object per execution). */
    private static final ClassValue<Map<String, Field>> FIELDS = new ClassValue<>() {
        @Override
        protected Map<String, Field> computeValue(Class<?> type) {
            Map<String, Field> fields = new HashMap<>();
            for (Class<?> c = type; c != null && c != AbstractMojo.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (Parameter.byId(field.getName()) != null) {
                        field.setAccessible(true);
                        fields.putIfAbsent(field.getName(), field);
                    }
                }
            }
            return fields;
        }
    };

    private final AbstractTokenMojo goal;
    private final Map<String, Field> fields;

    MojoParameters(AbstractTokenMojo goal) {
        this.goal = goal;
        this.fields = FIELDS.get(goal.getClass());
    }

    /**
     * Whether the goals declare a parameter as a list, which a {@code <configuration>} writes as one child element per
     * item ({@code <requiredScopes><requiredScope>a</requiredScope>...}); a settings.xml {@code <oauthToken>} is
     * written the same way.
     */
    public static boolean isList(Parameter parameter) {
        // revoke has every parameter, fetch's and its own.
        Field field = FIELDS.get(RevokeMojo.class).get(parameter.id());
        return field != null && Collection.class.isAssignableFrom(field.getType());
    }

    /** @return the field's value, or null when the goal has no such parameter (revokeShared is revoke's alone) */
    @Override
    public Object value(Parameter parameter) {
        Field field = fields.get(parameter.id());
        if (field == null) {
            return null;
        }
        try {
            return field.get(goal);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("The goal's field " + field + " was made accessible", e);
        }
    }
}
