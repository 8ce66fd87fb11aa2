package org.herald.server.config;

/** The configuration is wrong: the message says which key and why, and Herald does not start. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
