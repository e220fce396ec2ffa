package io.failready.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Version from the build-filtered io/failready/version.properties. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    private static String version;

    public static synchronized String version() {
        if (version == null) {
            Properties p = new Properties();
            try (InputStream in = VersionProvider.class.getResourceAsStream("/io/failready/version.properties")) {
                if (in != null) p.load(in);
            } catch (IOException ignored) {
                // fall through to "dev"
            }
            String v = p.getProperty("version", "dev");
            version = v.startsWith("${") ? "dev" : v;
        }
        return version;
    }

    @Override public String[] getVersion() {
        return new String[]{"failready " + version(), "Java " + System.getProperty("java.version")};
    }
}
