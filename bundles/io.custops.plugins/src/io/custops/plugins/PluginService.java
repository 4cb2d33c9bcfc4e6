package io.custops.plugins;

/**
 * A CustOps service (connector, strategy, model or template) a plugin contributes.
 *
 * @param kind      {@code connector}, {@code strategy}, {@code model} or {@code template}; {@code component} when
 *                  the service is not registered (a disabled DS component, whose kind is not known then)
 * @param id        the service's id, or the DS component name when it is disabled
 * @param name      the service's English name, or {@code null}
 * @param bundle    the symbolic name of the bundle that provides it
 * @param status    {@code active} or {@code disabled}
 * @param reason    why it is disabled, or {@code null}
 */
public record PluginService(String kind, String id, String name, String bundle, String status, String reason) {
}
