package io.failready.facts.derived;

import io.failready.facts.Resource;

import java.util.Objects;

/**
 * One name by which a KMS key can be referenced: its key ARN, or the ARN of one of its aliases
 * ({@code arn:aws:kms:<region>:<account>:alias/<name>}). Lets rules resolve key references and find
 * alias-matched counterparts with an indexed equality join on {@code handle}.
 */
public final class SecurityKeyHandle {
    public final String handle;
    public final Resource key;

    public SecurityKeyHandle(String handle, Resource key) { this.handle = handle; this.key = key; }

    public String getHandle() { return handle; }
    public Resource getKey() { return key; }
    public String getKeyArn() { return key.getResourceId(); }

    @Override public boolean equals(Object o) { return o instanceof SecurityKeyHandle h && handle.equals(h.handle) && key.getResourceId().equals(h.key.getResourceId()); }
    @Override public int hashCode() { return Objects.hash(handle, key.getResourceId()); }
    @Override public String toString() { return "SecurityKeyHandle(" + handle + " -> " + key.getResourceId() + ")"; }
}
